package org.partybuilding.member.members;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code PATCH /api/members/{id}} (JSON merge patch): fields present replace, absent ones stay. A field
 * an update cannot change (stage, stage dates, status, transfers) lands in {@code unknown} and is refused.
 */
public record MemberPatch(String name, Gender gender, LocalDate birthDate, String idNumber, String phone, String education,
        String organizationId, String partyOrganizationId, MobileMembership mobile, BigDecimal monthlyIncome,
        IncomeCategory incomeCategory, LocalDate applicantTalkOn, @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknown) {

    public MemberPatch {
        unknown = unknown == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(unknown));
    }

    MemberDetails mergeInto(MemberDetails d) {
        return new MemberDetails(name != null ? name : d.name(), gender != null ? gender : d.gender(),
                birthDate != null ? birthDate : d.birthDate(), idNumber != null ? idNumber : d.idNumber(),
                phone != null ? phone : d.phone(), education != null ? education : d.education(),
                organizationId != null ? organizationId : d.organizationId(),
                partyOrganizationId != null ? partyOrganizationId : d.partyOrganizationId(), mobile != null ? mobile : d.mobile(),
                monthlyIncome != null ? monthlyIncome : d.monthlyIncome(),
                incomeCategory != null ? incomeCategory : d.incomeCategory(),
                applicantTalkOn != null ? applicantTalkOn : d.applicantTalkOn());
    }
}
