package org.partybuilding.member.members;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code PUT /api/members/{id}}: every {@link MemberDetails} field (checked as those are). A field an
 * update cannot change (stage, stage dates, status, transfers) lands in {@code unknown} and is refused.
 */
public record MemberReplacement(String name, Gender gender, LocalDate birthDate, String idNumber, String phone, String education,
        String organizationId, String partyOrganizationId, MobileMembership mobile, BigDecimal monthlyIncome,
        IncomeCategory incomeCategory, LocalDate applicantTalkOn, @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknown) {

    public MemberReplacement {
        unknown = unknown == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(unknown));
    }

    MemberDetails details() {
        return new MemberDetails(name, gender, birthDate, idNumber, phone, education, organizationId, partyOrganizationId, mobile,
                monthlyIncome, incomeCategory, applicantTalkOn);
    }
}
