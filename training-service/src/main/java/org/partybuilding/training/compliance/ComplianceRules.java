package org.partybuilding.training.compliance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.partybuilding.training.activities.ActivityKind;
import org.partybuilding.training.compliance.TrainingSettings.Condition;
import org.partybuilding.training.compliance.TrainingSettings.Frequency;
import org.partybuilding.training.compliance.TrainingSettings.Requirement;

/**
 * Rule 12: what a party organization had to hold in a period and whether it did. Each requirement
 * ("1 general meeting per quarter") is checked per sub-period (each quarter) that ends in the report
 * period: met when enough were held in it, missed when it has ended without, open while it runs.
 * Yearly requirements fall due in the year's report and in its fourth quarter's. A party
 * organization owes the sub-periods it existed for in whole: from the first that starts on or after
 * its establishment, up to the last that ends on or before its dissolution. Plain Java, no I/O.
 */
public class ComplianceRules {

    private final TrainingSettings settings;

    public ComplianceRules(TrainingSettings settings) {
        this.settings = settings;
    }

    public TrainingSettings settings() {
        return settings;
    }

    /** How many activities of a kind a party organization held in a month (only the secretary's, if asked). */
    @FunctionalInterface
    public interface HeldCounts {
        int held(ActivityKind kind, boolean bySecretary, YearMonth month);
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
     * {@code held} activities counted, {@code missing} the sub-periods that ended without one,
     * {@code open} those still running without one.
     */
    public record RequirementResult(String requirement, ActivityKind kind, Frequency per, int times, int required, int met,
            int held, Status status, List<String> missing, List<String> open, String note) {
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
        if (note != null) {
            int held = 0;
            for (SubPeriod s : subPeriods(r.per(), period)) {
                held += held(r, s, counts);
            }
            return new RequirementResult(r.name(), r.kind(), r.per(), r.times(), 0, 0, held, Status.NOT_REQUIRED, List.of(),
                    List.of(), note);
        }
        int required = 0;
        int met = 0;
        int held = 0;
        List<String> missing = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (SubPeriod s : subPeriods(r.per(), period)) {
            if (!owed(o, s)) {
                continue;
            }
            required++;
            int n = held(r, s, counts);
            held += n;
            if (n >= r.times()) {
                met++;
            } else if (s.end().isBefore(today)) {
                missing.add(s.label());
            } else {
                open.add(s.label());
            }
        }
        return new RequirementResult(r.name(), r.kind(), r.per(), r.times(), required, met, held,
                missing.isEmpty() ? Status.COMPLIANT : Status.BEHIND, missing, open, null);
    }

    /** {@code null} if the requirement applies to the organization, otherwise why not. */
    private String applies(Requirement r, Organization o) {
        return switch (r.where()) {
            case ALWAYS -> null;
            case COMMITTEE -> o.hasCommittee() ? null : "no committee elected";
            case PARTY_GROUPS -> settings.partyGroupsKnown() ? null : "party groups are not known to the platform";
        };
    }

    private static boolean owed(Organization o, SubPeriod s) {
        return (o.establishedOn() == null || !o.establishedOn().isAfter(s.start()))
                && (o.dissolvedOn() == null || !o.dissolvedOn().isBefore(s.end()));
    }

    private static int held(Requirement r, SubPeriod s, HeldCounts counts) {
        int n = 0;
        for (YearMonth m = YearMonth.from(s.start()); !m.isAfter(YearMonth.from(s.end())); m = m.plusMonths(1)) {
            n += counts.held(r.kind(), r.bySecretary(), m);
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
