package org.partybuilding.member.members;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A member as the API shows them. {@code idNumber} and {@code phone} are masked unless the caller
 * may see this member's personal data (API.md); {@code monthlyIncome} is a yuan string.
 */
public record MemberResponse(String id, long version, String name, Gender gender, LocalDate birthDate, String idNumber,
        String phone, String education, String organizationId, String street, String partyOrganizationId, Stage stage,
        LocalDate appliedOn, LocalDate activistOn, LocalDate targetOn, LocalDate admittedOn, LocalDate confirmedOn,
        Integer probationExtendedMonths, LocalDate applicantTalkOn, MobileMembership mobile, String monthlyIncome,
        IncomeCategory incomeCategory, MemberStatus status, LocalDate leftOn, boolean transferRequired,
        List<Transfer> transfers, Instant createdAt, Instant updatedAt) {
}
