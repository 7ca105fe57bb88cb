package org.partybuilding.training.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.partybuilding.training.domain.ActivityKind;

/**
 * The figures the reports need, kept in memory and updated on every recorded activity and
 * attendance (and rebuilt from the collections when the service starts, see {@code LedgerLoader}),
 * so that compliance for thousands of party organizations never reads the activities again:
 * activities held per party organization, kind and month; hours and person-times (人次) per member
 * and year. Applying the same activity or the same attendance version again changes nothing.
 */
public class TrainingLedger {

    private static final int KINDS = ActivityKind.values().length;
    /** Slot after the kinds: party lessons given by the secretary. */
    private static final int SECRETARY_LESSONS = KINDS;
    /** The slot after: general meetings flagged {@code NO_QUORUM} (held, but not counted toward rule 12). */
    private static final int GENERAL_MEETINGS_WITHOUT_QUORUM = KINDS + 1;

    private final Set<String> activities = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<String, Map<YearMonth, int[]>> held = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Map<Integer, Totals>> members = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AttendanceEntry> attendance = new ConcurrentHashMap<>();

    /** One member's year: hours (in hundredths) and person-times from training sessions and from activities. */
    public record Totals(long trainingHundredths, int trainings, long activityHundredths, int activities) {

        static final Totals NONE = new Totals(0, 0, 0, 0);

        public BigDecimal trainingHours() {
            return BigDecimal.valueOf(trainingHundredths, 2);
        }

        public BigDecimal activityHours() {
            return BigDecimal.valueOf(activityHundredths, 2);
        }

        public BigDecimal hours() {
            return BigDecimal.valueOf(trainingHundredths + activityHundredths, 2);
        }

        public int personTimes() {
            return trainings + activities;
        }

        Totals plusTraining(long hundredths, int times) {
            return new Totals(trainingHundredths + hundredths, trainings + times, activityHundredths, activities);
        }

        Totals plusActivity(long hundredths) {
            return new Totals(trainingHundredths, trainings, activityHundredths + hundredths, activities + 1);
        }
    }

    private record AttendanceEntry(long version, String memberId, int year, long hundredths) {
    }

    /**
     * Counts an activity once; {@code false} if it was already counted. {@code withoutQuorum}: a general meeting
     * flagged {@code NO_QUORUM}, held (its attendees' hours count) but not counted toward rule 12.
     */
    public boolean recordActivity(String id, String partyOrganizationId, ActivityKind kind, LocalDate heldOn,
            boolean lecturedBySecretary, boolean withoutQuorum, List<String> attendeeIds, BigDecimal hours) {
        if (!activities.add(id)) {
            return false;
        }
        Map<YearMonth, int[]> months = held.computeIfAbsent(partyOrganizationId, k -> new HashMap<>());
        synchronized (months) {
            int[] counts = months.computeIfAbsent(YearMonth.from(heldOn), k -> new int[KINDS + 2]);
            counts[kind.ordinal()]++;
            if (kind == ActivityKind.PARTY_LESSON && lecturedBySecretary) {
                counts[SECRETARY_LESSONS]++;
            }
            if (kind == ActivityKind.GENERAL_MEETING && withoutQuorum) {
                counts[GENERAL_MEETINGS_WITHOUT_QUORUM]++;
            }
        }
        long hundredths = hundredths(hours);
        for (String member : attendeeIds) {
            update(member, heldOn.getYear(), t -> t.plusActivity(hundredths));
        }
        return true;
    }

    /** Credits (or corrects) one member's attendance of a session; an older or equal version changes nothing. */
    public void recordAttendance(String id, long version, String memberId, LocalDate attendedOn, BigDecimal hours) {
        AttendanceEntry next = new AttendanceEntry(version, memberId, attendedOn.getYear(), hundredths(hours));
        AttendanceEntry[] previous = new AttendanceEntry[1];
        boolean[] applied = new boolean[1];
        attendance.compute(id, (k, current) -> {
            if (current != null && current.version() >= version) {
                return current;
            }
            previous[0] = current;
            applied[0] = true;
            return next;
        });
        if (!applied[0]) {
            return;
        }
        AttendanceEntry before = previous[0];
        if (before != null) {
            update(before.memberId(), before.year(), t -> t.plusTraining(-before.hundredths(), -1));
        }
        update(memberId, next.year(), t -> t.plusTraining(next.hundredths(), 1));
    }

    /** Activities of {@code kind} a party organization held in a month (only those lectured by its secretary, if asked). */
    public int held(String partyOrganizationId, ActivityKind kind, boolean bySecretary, YearMonth month) {
        return count(partyOrganizationId, month, bySecretary ? SECRETARY_LESSONS : kind.ordinal());
    }

    /** Of those, the general meetings without a quorum (they do not count toward rule 12). */
    public int withoutQuorum(String partyOrganizationId, ActivityKind kind, boolean bySecretary, YearMonth month) {
        return kind == ActivityKind.GENERAL_MEETING && !bySecretary
                ? count(partyOrganizationId, month, GENERAL_MEETINGS_WITHOUT_QUORUM) : 0;
    }

    private int count(String partyOrganizationId, YearMonth month, int slot) {
        Map<YearMonth, int[]> months = held.get(partyOrganizationId);
        if (months == null) {
            return 0;
        }
        synchronized (months) {
            int[] counts = months.get(month);
            return counts == null ? 0 : counts[slot];
        }
    }

    public Totals totals(String memberId, int year) {
        Map<Integer, Totals> years = members.get(memberId);
        if (years == null) {
            return Totals.NONE;
        }
        synchronized (years) {
            return years.getOrDefault(year, Totals.NONE);
        }
    }

    /** The years in which a member has any record. */
    public Set<Integer> years(String memberId) {
        Map<Integer, Totals> years = members.get(memberId);
        if (years == null) {
            return Set.of();
        }
        synchronized (years) {
            return Set.copyOf(years.keySet());
        }
    }

    public int activityCount() {
        return activities.size();
    }

    private void update(String memberId, int year, java.util.function.UnaryOperator<Totals> change) {
        Map<Integer, Totals> years = members.computeIfAbsent(memberId, k -> new HashMap<>());
        synchronized (years) {
            years.put(year, change.apply(years.getOrDefault(year, Totals.NONE)));
        }
    }

    private static long hundredths(BigDecimal hours) {
        return hours == null ? 0 : hours.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }
}
