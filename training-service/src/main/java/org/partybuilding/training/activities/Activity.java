package org.partybuilding.training.activities;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.partybuilding.events.ActivityRecordedSnapshot;
import org.partybuilding.events.EventType;
import org.partybuilding.platform.outbox.OutboxEvent;
import org.partybuilding.training.domain.ActivityKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * One organizational-life activity (组织生活) of a party organization, as recorded: never edited.
 * {@code street} is the party organization's when recorded (the scope a street admin sees);
 * {@code partyMembers} how many party members it had then, so that {@code quorum} (general meetings
 * only) can be read again later; {@code lecturedBySecretary} whether the party lesson was the
 * secretary's. {@code ActivityRecorded} waits in {@code outbox}, written in the same insert.
 */
@Document(Activity.COLLECTION)
public record Activity(
        @Id String id,
        long version,
        String partyOrganizationId,
        String street,
        ActivityKind kind,
        LocalDate heldOn,
        int year,
        String topic,
        String lecturerMemberId,
        boolean lecturedBySecretary,
        List<String> attendeeIds,
        List<Absentee> absentees,
        int partyMembers,
        Boolean quorum,
        List<String> flags,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal hours,
        String recordedBy,
        Instant recordedAt,
        List<OutboxEvent> outbox) {

    public static final String COLLECTION = "activities";
    public static final String NO_QUORUM = "NO_QUORUM";

    public Activity {
        attendeeIds = attendeeIds == null ? List.of() : List.copyOf(attendeeIds);
        absentees = absentees == null ? List.of() : List.copyOf(absentees);
        flags = flags == null ? List.of() : List.copyOf(flags);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    /** The activity with its {@code ActivityRecorded} waiting in the outbox, to insert together. */
    public Activity withOutbox() {
        return new Activity(id, version, partyOrganizationId, street, kind, heldOn, year, topic, lecturerMemberId, lecturedBySecretary,
                attendeeIds, absentees, partyMembers, quorum, flags, hours, recordedBy, recordedAt,
                List.of(OutboxEvent.of(EventType.ACTIVITY_RECORDED, snapshot())));
    }

    /** What {@code ActivityRecorded} carries: member ids, no names, no reasons for absence. */
    public ActivityRecordedSnapshot snapshot() {
        return new ActivityRecordedSnapshot(id, version, partyOrganizationId, street, kind.name(), heldOn, lecturerMemberId,
                lecturedBySecretary, attendeeIds, absentees.size(), partyMembers, quorum, hours);
    }
}
