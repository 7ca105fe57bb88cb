package org.partybuilding.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Data of {@code TrainingAttended} on {@code training.records.v1}: one member's attendance of one
 * training session as training-service holds it after the change (id = the attendance's own id;
 * a correction of the hours is a newer version). {@code kind} is the session's training kind, e.g.
 * {@code DEVELOPMENT_TARGET_TRAINING}; {@code hours} the hours credited to the member.
 */
public record TrainingAttendanceSnapshot(
        String id,
        long version,
        String sessionId,
        String memberId,
        String kind,
        BigDecimal hours,
        LocalDate attendedOn) implements AggregateSnapshot {

    public static final Set<String> KINDS = Set.of("PARTY_MEMBER_TRAINING", "PARTY_WORKER_TRAINING", "SECRETARY_TRAINING",
            "ACTIVIST_TRAINING", "DEVELOPMENT_TARGET_TRAINING");

    /** Hours are credited to a member for a session of a training kind on a day. */
    @Override
    public List<String> violations() {
        return Violations.of(this)
                .text("sessionId", sessionId)
                .text("memberId", memberId)
                .oneOf("kind", kind, KINDS)
                .notNegative("hours", hours)
                .present("attendedOn", attendedOn)
                .list();
    }
}
