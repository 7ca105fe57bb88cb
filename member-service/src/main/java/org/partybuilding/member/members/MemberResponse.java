package org.partybuilding.member.members;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.partybuilding.member.development.Stage;

/**
 * A member as the API shows them. {@code idNumber} and {@code phone} are masked unless the caller may see this
 * member's personal data (API.md); for a caller who gets them masked, {@code birthDate} is absent and only
 * {@code birthYear} is shown, since digits 7–14 of an ID number are the birth date. {@code monthlyIncome} is a yuan
 * string. {@code partyOrganizationSince} is the day the member was placed in the party organization,
 * {@code onPlatformSince} the day the member came under the platform (dues are owed from then).
 */
public record MemberResponse(String id, long version, String name, Gender gender, LocalDate birthDate, Integer birthYear,
        String idNumber, String phone, String education, String organizationId, String street, String partyOrganizationId,
        LocalDate partyOrganizationSince, Stage stage, LocalDate appliedOn, LocalDate activistOn, LocalDate targetOn,
        LocalDate admittedOn, LocalDate confirmedOn, Integer probationExtendedMonths, LocalDate applicantTalkOn,
        MobileMembership mobile, String monthlyIncome, IncomeCategory incomeCategory, MemberStatus status, LocalDate leftOn,
        boolean transferRequired, List<Transfer> transfers, LocalDate onPlatformSince, Instant createdAt, Instant updatedAt) {
}
