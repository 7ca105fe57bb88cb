package org.partybuilding.member.members;

import org.partybuilding.member.development.StageDates;
import org.partybuilding.platform.privacy.Masks;
import org.partybuilding.platform.privacy.PersonalDataCipher;
import org.partybuilding.platform.security.DataScope;
import org.springframework.stereotype.Component;

/** Seals ID and phone numbers for storage and shows them to callers as their role allows. */
@Component
public class PersonalData {

    private final PersonalDataCipher cipher;

    public PersonalData(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    public String seal(String value) {
        return cipher.encrypt(value);
    }

    public String open(String sealed) {
        return cipher.decrypt(sealed);
    }

    /** The uniqueness key of an ID number. */
    public String idNumberHash(String idNumber) {
        return cipher.lookupHash("id:" + idNumber);
    }

    /**
     * The member as {@code scope} may see them: ID and phone number masked, and the birth date reduced to the year,
     * unless the caller may see this member's personal data (the masked ID number's hidden digits are the birth date).
     */
    public MemberResponse response(Member m, DataScope scope) {
        boolean clear = MemberAccess.seesPersonalData(scope, m);
        String id = open(m.idNumberSealed());
        String phone = open(m.phoneSealed());
        StageDates d = m.stageDates();
        return new MemberResponse(m.id(), m.version(), m.name(), m.gender(), clear ? m.birthDate() : null,
                m.birthDate() == null ? null : m.birthDate().getYear(), clear ? id : Masks.idNumber(id),
                clear ? phone : Masks.phone(phone), m.education(), m.organizationId(), m.street(), m.partyOrganizationId(),
                m.partyOrganizationSince(), m.stage(), d.appliedOn(), d.activistOn(), d.targetOn(), d.admittedOn(), d.confirmedOn(),
                m.probationExtendedMonths(), m.applicantTalkOn(), m.mobile(),
                m.monthlyIncome() == null ? null : m.monthlyIncome().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(),
                m.incomeCategory(), m.status(), m.leftOn(), m.transferRequired(), m.transfers(), m.onPlatformSince(), m.createdAt(),
                m.updatedAt());
    }

    /** The details of a stored member with their personal data opened, as a merge patch starts from. */
    public MemberDetails details(Member m) {
        return new MemberDetails(m.name(), m.gender(), m.birthDate(), open(m.idNumberSealed()), open(m.phoneSealed()),
                m.education(), m.organizationId(), m.partyOrganizationId(), m.mobile(), m.monthlyIncome(), m.incomeCategory(),
                m.applicantTalkOn());
    }
}
