package org.partybuilding.member.members;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import io.swagger.v3.oas.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.partybuilding.member.development.Stage;
import org.partybuilding.member.development.StageDates;

/**
 * The body of {@code POST /api/members}: the person ({@link MemberDetails} fields) and where they
 * stand in development, with the date of every stage reached so far; optionally the day the member joined their
 * party organization ({@code partyOrganizationSince}, for a history recorded after the fact: otherwise the day of
 * registration). Fields it does not take are collected in {@code unknown} and refused.
 */
public record RegisterMember(
        String name, Gender gender, LocalDate birthDate, String idNumber, String phone, String education,
        String organizationId, String partyOrganizationId, @Valid MobileMembership mobile, BigDecimal monthlyIncome,
        IncomeCategory incomeCategory, LocalDate applicantTalkOn,
        @NotNull Stage stage, LocalDate appliedOn, LocalDate activistOn, LocalDate targetOn, LocalDate admittedOn,
        LocalDate confirmedOn, LocalDate partyOrganizationSince, @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknown) {

    public RegisterMember {
        unknown = unknown == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(unknown));
    }

    public MemberDetails details() {
        return new MemberDetails(name, gender, birthDate, idNumber, phone, education, organizationId, partyOrganizationId, mobile,
                monthlyIncome, incomeCategory, applicantTalkOn);
    }

    public StageDates stageDates() {
        return new StageDates(appliedOn, activistOn, targetOn, admittedOn, confirmedOn);
    }
}
