package org.partybuilding.training.sessions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.partybuilding.events.EventType;
import org.partybuilding.events.TrainingAttendanceSnapshot;
import org.partybuilding.platform.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * One member's attendance of one session. The id is session and member, so recording the same
 * member again finds this document instead of adding one (idempotent); a change of hours is a newer
 * version with its own {@code TrainingAttended}. {@code partyOrganizationId} and {@code street} are
 * the member's when recorded.
 */
@Document(Attendance.COLLECTION)
public record Attendance(@Id String id, long version, String sessionId, String memberId, TrainingKind kind,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal hours, LocalDate attendedOn, String partyOrganizationId,
        String street, String recordedBy, Instant recordedAt, List<OutboxEvent> outbox) {

    public static final String COLLECTION = "training_attendance";

    public Attendance {
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    public static String id(String sessionId, String memberId) {
        return sessionId + ":" + memberId;
    }

    /** {@code TrainingAttended}: member-service adds up these hours per kind (rule 8). */
    public TrainingAttendanceSnapshot snapshot() {
        return new TrainingAttendanceSnapshot(id, version, sessionId, memberId, kind.name(), hours, attendedOn);
    }

    Attendance withHours(BigDecimal next, String by, Instant at) {
        return new Attendance(id, version + 1, sessionId, memberId, kind, next, attendedOn, partyOrganizationId, street, by, at,
                List.of());
    }

    Attendance withOutbox() {
        return new Attendance(id, version, sessionId, memberId, kind, hours, attendedOn, partyOrganizationId, street, recordedBy,
                recordedAt, List.of(OutboxEvent.of(EventType.TRAINING_ATTENDED, snapshot())));
    }
}
