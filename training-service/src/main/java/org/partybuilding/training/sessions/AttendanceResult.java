package org.partybuilding.training.sessions;

import java.math.BigDecimal;
import java.util.List;

/** What recording attendance did, member by member: {@code CREATED}, {@code CORRECTED} (other hours) or {@code UNCHANGED}. */
public record AttendanceResult(String sessionId, BigDecimal hours, int created, int corrected, int unchanged, List<Entry> attendees) {

    public enum Outcome {
        CREATED, CORRECTED, UNCHANGED
    }

    public record Entry(String memberId, BigDecimal hours, long version, Outcome outcome) {
    }

    static AttendanceResult of(String sessionId, BigDecimal hours, List<Entry> entries) {
        return new AttendanceResult(sessionId, hours, count(entries, Outcome.CREATED), count(entries, Outcome.CORRECTED),
                count(entries, Outcome.UNCHANGED), entries);
    }

    private static int count(List<Entry> entries, Outcome outcome) {
        return (int) entries.stream().filter(e -> e.outcome() == outcome).count();
    }
}
