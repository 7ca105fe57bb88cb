package org.partybuilding.member.members;

import java.math.RoundingMode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.partybuilding.member.development.StageDates;
import org.partybuilding.platform.audit.Actor;
import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.audit.FieldChanges;
import org.partybuilding.platform.privacy.Masks;
import org.springframework.stereotype.Component;

/**
 * The audit records of members (DOMAIN.md §6): each write's changed fields as display strings, personal data masked
 * as for an auditor (ID and phone number masked, the birth year only), so that the history may be shown to whoever
 * may read the member and never rebuilds what the masks hide.
 */
@Component
public class MemberAudit {

    public static final String RESOURCE = "Member";

    private final PersonalData personalData;
    private final Clock clock;

    public MemberAudit(PersonalData personalData, Clock clock) {
        this.personalData = personalData;
        this.clock = clock;
    }

    /** The first record of a new member: every field it starts with; {@code idNumber} and {@code phone} in clear (masked here). */
    public AuditRecord created(Member m, String idNumber, String phone, Actor actor, MemberAction action) {
        return AuditRecord.of(clock.instant(), actor, action.name(), RESOURCE, m.id(), FieldChanges.initial(view(m, idNumber, phone)),
                null);
    }

    /** The record of a change from {@code before} to {@code after}. */
    public AuditRecord changed(Member before, Member after, Actor actor, MemberAction action, String reason) {
        String idBefore = personalData.open(before.idNumberSealed());
        String idAfter = after.idNumberSealed().equals(before.idNumberSealed()) ? idBefore : personalData.open(after.idNumberSealed());
        String phoneBefore = personalData.open(before.phoneSealed());
        String phoneAfter = java.util.Objects.equals(after.phoneSealed(), before.phoneSealed()) ? phoneBefore
                : personalData.open(after.phoneSealed());
        return AuditRecord.of(clock.instant(), actor, action.name(), RESOURCE, after.id(),
                FieldChanges.between(view(before, idBefore, phoneBefore), view(after, idAfter, phoneAfter)), reason);
    }

    /** The member as the history shows it. */
    static Map<String, String> view(Member m, String idNumber, String phone) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", m.name());
        v.put("gender", text(m.gender()));
        v.put("birthYear", m.birthDate() == null ? null : String.valueOf(m.birthDate().getYear()));
        v.put("idNumber", Masks.idNumber(idNumber));
        v.put("phone", Masks.phone(phone));
        v.put("education", m.education());
        v.put("organizationId", m.organizationId());
        v.put("street", m.street());
        v.put("partyOrganizationId", m.partyOrganizationId());
        v.put("partyOrganizationSince", text(m.partyOrganizationSince()));
        v.put("stage", text(m.stage()));
        StageDates d = m.stageDates();
        v.put("appliedOn", text(d.appliedOn()));
        v.put("activistOn", text(d.activistOn()));
        v.put("targetOn", text(d.targetOn()));
        v.put("admittedOn", text(d.admittedOn()));
        v.put("confirmedOn", text(d.confirmedOn()));
        v.put("probationExtendedMonths", text(m.probationExtendedMonths()));
        v.put("applicantTalkOn", text(m.applicantTalkOn()));
        MobileMembership mobile = m.mobile();
        v.put("mobile", mobile == null ? null : mobile.originalPartyOrganization() + "; certificateNo " + mobile.certificateNo()
                + "; workingSince " + mobile.workingSince() + "; holdsPostInOriginal " + mobile.holdsPostInOriginal());
        v.put("monthlyIncome", m.monthlyIncome() == null ? null : m.monthlyIncome().setScale(2, RoundingMode.HALF_UP).toPlainString());
        v.put("incomeCategory", text(m.incomeCategory()));
        v.put("status", text(m.status()));
        v.put("leftOn", text(m.leftOn()));
        v.put("transferRequired", String.valueOf(m.transferRequired()));
        v.put("onPlatformSince", text(m.onPlatformSince()));
        for (Transfer t : m.transfers()) {
            String where = t.toPartyOrganizationId() != null ? t.toPartyOrganizationId()
                    : t.destination() != null ? t.destination() : t.from();
            v.put("transfers." + t.id(), t.kind() + " " + (t.from() != null && t.kind() == Transfer.TransferKind.IN
                    ? t.from() + " -> " + t.toPartyOrganizationId() : where) + " " + t.state()
                    + (t.finishedOn() == null ? "" : " " + t.finishedOn()) + (t.reason() == null ? "" : " (" + t.reason() + ")"));
        }
        return v;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
