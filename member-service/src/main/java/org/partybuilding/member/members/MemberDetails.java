package org.partybuilding.member.members;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.partybuilding.member.development.Stage;

/**
 * Who the member is and what their dues are based on: the body of {@code PUT /api/members/{id}},
 * and what a registration or a merge patch is checked as. Stage and transfers change only through
 * their own endpoints.
 */
public record MemberDetails(
        @NotBlank @Size(max = 50) String name,
        @NotNull Gender gender,
        LocalDate birthDate,
        @NotBlank String idNumber,
        @Pattern(regexp = "1[3-9]\\d{9}", message = "must be an 11-digit mobile number") String phone,
        @Size(max = 50) String education,
        @NotBlank String organizationId,
        String partyOrganizationId,
        @Valid MobileMembership mobile,
        @NotNull @DecimalMin("0.00") @Digits(integer = 9, fraction = 2) BigDecimal monthlyIncome,
        @NotNull IncomeCategory incomeCategory,
        LocalDate applicantTalkOn) {
}
