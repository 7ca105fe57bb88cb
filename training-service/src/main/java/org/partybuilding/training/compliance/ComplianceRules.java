package org.partybuilding.training.compliance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.partybuilding.training.domain.ActivityKind;
import org.partybuilding.training.compliance.TrainingSettings.Condition;
import org.partybuilding.training.compliance.TrainingSettings.Frequency;
import org.partybuilding.training.compliance.TrainingSettings.Requirement;

/**
 * Rule 12: what a party organization had to hold in a period and whether it did. Each requirement
 * ("1 general meeting per quarter") is checked per sub-period (each quarter) that ends in the report
 * period: met when enough activities that satisfy their rule were held in it (a general meeting flagged
 * {@code NO_QUORUM} is recorded and shown as held, but does not count), missed when it has ended without,
 * open while it runs. Yearly requirements fall due in the year's report and in its fourth quarter's. A
 * party organization owes the sub-periods from its establishment on — the one it was established in
 * counts what it held since — up to the last that ends on or before its dissolution. Plain Java, no I/O.
 */
public class ComplianceRules {

    private final TrainingSettings settings;

    public ComplianceRules(TrainingSettings settings) {
        this.settings = settings;
    }

    public TrainingSettings settings() {
        return settings;
    }

    /** Why a held activity does not count toward its requirement. */
    public static final String NO_QUORUM = "NO_QUORUM";

    /**
     * How many activities of a kind a party organization held in a month (only the secretary's, if asked), and how
     * many of those do not count because they missed their rule (general meetings without a quorum).
     */
    public interface HeldCounts {
        int held(ActivityKind kind, boolean bySecretary, YearMonth month);

        int withoutQuorum(ActivityKind kind, boolean bySecretary, YearMonth month);
    }

    /** What the rules need to know of a party organization. */
    public record Organization(String id, String name, String street, String type, boolean hasCommittee,
            LocalDate establishedOn, LocalDate dissolvedOn) {
    }

    public enum Status {
        COMPLIANT, BEHIND, NOT_REQUIRED
    }

    /**
     * One requirement in the period: {@code required} sub-periods owed, {@code met} of them held,
     * {@code held} activities recorded in them, {@code counted} those that satisfy their rule,
     * {@code notCounted} why the others do not (e.g. {@code NO_QUORUM: 1}), {@code missing} the sub-periods
     * that ended without enough counted, {@code open} those still running without enough, {@code note} why
     * the requirement does not apply (e.g. no committee elected).
     */
    public record RequirementResult(String requirement, ActivityKind kind, Frequency per, int times, int required, int met,
            int held, int counted, Map<String, Integer> notCounted, Status status, List<String> missing, List<String> open,
            String note) {
    }

    public record Result(Organization organization, Status status, List<RequirementResult> requirements, List<String> missing) {
    }

    /** Whether the party organization existed during some of the period (and so appears in its report). */
    public boolean reported(Organization o, Period period) {
        return (o.establishedOn() == null || !o.establishedOn().isAfter(period.end()))
                && (o.dissolvedOn() == null || !o.dissolvedOn().isBefore(period.start()));
    }

    public Result evaluate(Organization o, Period period, HeldCounts counts, LocalDate today) {
        List<RequirementResult> results = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Requirement r : settings.requirements()) {
            RequirementResult result = evaluate(r, o, period, counts, today);
            results.add(result);
            result.missing().forEach(m -> missing.add(r.name() + " " + m));
        }
        return new Result(o, missing.isEmpty() ? Status.COMPLIANT : Status.BEHIND, results, missing);
    }

    private RequirementResult evaluate(Requirement r, Organization o, Period period, HeldCounts counts, LocalDate today) {
        String note = applies(r, o);
        int required = 0;
        int met = 0;
        int held = 0;
        int withoutQuorum = 0;
        List<String> missing = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (SubPeriod s : subPeriods(r.per(), period)) {
            if (!existed(o, s)) {
                continue;
            }
            int n = held(r, s, counts);
            int notCounting = withoutQuorum(r, s, counts);
            held += n;
            withoutQuorum += notCounting;
            if (note != null || !owed(o, s)) {
                continue;
            }
            required++;
            if (n - notCounting >= r.times()) {
                met++;
            } else if (s.end().isBefore(today)) {
                missing.add(s.label());
            } else {
                open.add(s.label());
            }
        }
        Map<String, Integer> notCounted = withoutQuorum == 0 ? Map.of() : Map.of(NO_QUORUM, withoutQuorum);
        Status status = note != null ? Status.NOT_REQUIRED : missing.isEmpty() ? Status.COMPLIANT : Status.BEHIND;
        return new RequirementResult(r.name(), r.kind(), r.per(), r.times(), required, met, held, held - withoutQuorum,
                notCounted, status, missing, open, note);
    }

    /** {@code null} if the requirement applies to the organization, otherwise why not. */
    private String applies(Requirement r, Organization o) {
        return switch (r.where()) {
            case ALWAYS -> null;
            case COMMITTEE -> o.hasCommittee() ? null : "no committee elected";
            case PARTY_GROUPS -> settings.partyGroupsKnown() ? null : "party groups are not known to the platform";
        };
    }

    /** The party organization existed during some of the sub-period: what it held then is shown. */
    private static boolean existed(Organization o, SubPeriod s) {
        return (o.establishedOn() == null || !o.establishedOn().isAfter(s.end()))
                && (o.dissolvedOn() == null || !o.dissolvedOn().isBefore(s.start()));
    }

    /**
     * The sub-period is owed from the one it was established in on (which counts what it held since its
     * establishment: nothing can be recorded before it) up to the last that ends by its dissolution.
     */
    private static boolean owed(Organization o, SubPeriod s) {
        return (o.establishedOn() == null || !o.establishedOn().isAfter(s.end()))
                && (o.dissolvedOn() == null || !o.dissolvedOn().isBefore(s.end()));
    }

    private static int held(Requirement r, SubPeriod s, HeldCounts counts) {
        int n = 0;
        for (YearMonth m = YearMonth.from(s.start()); !m.isAfter(YearMonth.from(s.end())); m = m.plusMonths(1)) {
            n += counts.held(r.kind(), r.bySecretary(), m);
        }
        return n;
    }

    private static int withoutQuorum(Requirement r, SubPeriod s, HeldCounts counts) {
        int n = 0;
        for (YearMonth m = YearMonth.from(s.start()); !m.isAfter(YearMonth.from(s.end())); m = m.plusMonths(1)) {
            n += counts.withoutQuorum(r.kind(), r.bySecretary(), m);
        }
        return n;
    }

    record SubPeriod(LocalDate start, LocalDate end, String label) {
    }

    /** The sub-periods of a frequency that end within the report period. */
    static List<SubPeriod> subPeriods(Frequency per, Period period) {
        List<SubPeriod> subs = new ArrayList<>();
        switch (per) {
            case MONTH -> {
                for (YearMonth m = YearMonth.from(period.start()); !m.isAfter(YearMonth.from(period.end())); m = m.plusMonths(1)) {
                    subs.add(new SubPeriod(m.atDay(1), m.atEndOfMonth(), m.toString()));
                }
            }
            case QUARTER -> {
                int first = (period.start().getMonthValue() - 1) / 3 + 1;
                int last = (period.end().getMonthValue() - 1) / 3 + 1;
                for (int q = first; q <= last; q++) {
                    Period quarter = new Period(period.year(), q);
                    subs.add(new SubPeriod(quarter.start(), quarter.end(), quarter.label()));
                }
            }
            case YEAR -> {
                if (period.endsYear()) {
                    Period year = new Period(period.year(), null);
                    subs.add(new SubPeriod(year.start(), year.end(), year.label()));
                }
            }
        }
        return subs;
    }
}
