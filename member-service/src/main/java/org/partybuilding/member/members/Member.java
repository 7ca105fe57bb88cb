package org.partybuilding.member.members;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.partybuilding.events.MemberSnapshot;
import org.partybuilding.member.development.Stage;
import org.partybuilding.member.development.StageDates;
import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * A party member or a member in development (党员, 入党积极分子 …) as stored. The ID number and the
 * phone number are sealed ({@code PersonalDataCipher}); {@code idNumberHash} is their keyed hash for
 * the uniqueness index. {@code street} is the employer's street, the scope a street admin sees.
 * Relationship transfers live in the member's own document so that completing one moves the member
 * in the same single-document write; {@code outbox} holds the events of the last changes, {@code history} every
 * change with who made it ({@code AuditRecord}s appended in the write that made the change, never set).
 * <p>
 * The dated facts of rules 11 and 15: {@code partyOrganizationSince} is the day the member was placed in
 * {@code partyOrganizationId} (registered, imported, updated or transferred into it, the party organization's
 * establishment day for a member taken in by it, or the joining date recorded with the member);
 * {@code onPlatformSince} the day the member came under the platform (registered, imported, or transferred in from
 * outside the district), from which dues are owed.
 */
@Document(Member.COLLECTION)
public record Member(
        @Id String id,
        long version,
        String name,
        Gender gender,
        LocalDate birthDate,
        String idNumberSealed,
        String idNumberHash,
        String phoneSealed,
        String education,
        String organizationId,
        String street,
        String partyOrganizationId,
        Stage stage,
        StageDates stageDates,
        Integer probationExtendedMonths,
        LocalDate applicantTalkOn,
        MobileMembership mobile,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal monthlyIncome,
        IncomeCategory incomeCategory,
        MemberStatus status,
        LocalDate leftOn,
        boolean transferRequired,
        List<Transfer> transfers,
        LocalDate partyOrganizationSince,
        LocalDate onPlatformSince,
        Instant createdAt,
        Instant updatedAt,
        List<OutboxEvent> outbox,
        List<AuditRecord> history) {

    public static final String COLLECTION = "members";

    public Member {
        transfers = transfers == null ? List.of() : List.copyOf(transfers);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public boolean active() {
        return status == MemberStatus.ACTIVE;
    }

    /** The state carried by this member's events: no ID number, no phone; the dated facts a count as of a day needs. */
    public MemberSnapshot snapshot() {
        return new MemberSnapshot(id, version, name, gender.name(), organizationId, partyOrganizationId, street, stage.name(),
                status.name(), mobile != null, transferRequired, stageDates.admittedOn(), stageDates.confirmedOn(),
                partyOrganizationId == null ? null : partyOrganizationSince, statusSince());
    }

    /** The day the current status began: the day an active member came under the platform, or left / was transferred out. */
    public LocalDate statusSince() {
        return active() ? onPlatformSince : leftOn;
    }

    /** A copy to change: the {@code with…} methods of {@link MemberChange}. */
    public MemberChange change() {
        return new MemberChange(this);
    }
}
