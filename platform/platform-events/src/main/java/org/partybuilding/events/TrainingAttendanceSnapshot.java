package org.partybuilding.events;

import java.math.BigDecimal;
import java.time.LocalDate;

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
}
