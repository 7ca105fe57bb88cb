package org.partybuilding.member.development;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partybuilding.platform.problem.DomainRuleViolation;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;

/**
 * Rule 8, development stages: in order, no skipping, each date not in the future nor before the
 * previous stage's; applicants at least 18 at application; a year as activist before becoming a
 * development target; a party organization to admit and 24 hours of development-target training
 * before probation; a year of probation (plus its one extension of 6–12 months) before confirmation.
 * A refusal names the rule and, where waiting helps, the date from which it will be allowed. The same checks hold
 * for a member registered or imported at a later stage, and for a corrected stage date ({@link #requireHistory}).
 */
public final class DevelopmentRules {

    public static final String STAGE_ORDER = "RULE_8_STAGE_ORDER";
    public static final String MINIMUM_AGE = "RULE_8_APPLICANT_MINIMUM_AGE";
    public static final String ACTIVIST_PERIOD = "RULE_8_ONE_YEAR_AS_ACTIVIST";
    public static final String PARTY_ORGANIZATION_TO_ADMIT = "RULE_8_PARTY_ORGANIZATION_TO_ADMIT";
    public static final String TARGET_TRAINING = "RULE_8_DEVELOPMENT_TARGET_TRAINING_HOURS";
    public static final String PROBATION_PERIOD = "RULE_8_ONE_YEAR_PROBATION";
    public static final String ONE_EXTENSION = "RULE_8_PROBATION_EXTENDED_ONCE";

    private final DevelopmentSettings settings;

    public DevelopmentRules(DevelopmentSettings settings) {
        this.settings = settings;
    }

    public DevelopmentSettings settings() {
        return settings;
    }

    /** The dates a registration brings: one for each stage reached, none beyond, in order, none in the future. */
    public List<FieldError> checkDates(Stage stage, StageDates dates, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate previous = null;
        for (Stage s : Stage.values()) {
            LocalDate date = dates.of(s);
            String field = field(s);
            if (s.ordinal() <= stage.ordinal()) {
                if (date == null) {
                    errors.add(new FieldError(field, "is required for stage " + stage));
                    continue;
                }
                if (date.isAfter(today)) {
                    errors.add(new FieldError(field, "must not be in the future"));
                }
                if (previous != null && date.isBefore(previous)) {
                    errors.add(new FieldError(field, "must not be before the previous stage's date " + previous));
                }
                previous = date;
            } else if (date != null) {
                errors.add(new FieldError(field, "must be absent: stage " + stage + " has not reached " + s));
            }
        }
        return errors;
    }

    /** Applicants must be {@code minimumAge} on the day they apply. */
    public void requireAgeAtApplication(LocalDate birthDate, LocalDate appliedOn) {
        LocalDate allowedFrom = birthDate.plusYears(settings.minimumAge());
        if (appliedOn.isBefore(allowedFrom)) {
            throw refusal(MINIMUM_AGE, "An applicant must be " + settings.minimumAge() + " or older on the day of application",
                    allowedFrom, Map.of("birthDate", birthDate.toString(), "appliedOn", appliedOn.toString()));
        }
    }

    /**
     * The stage dates after moving from {@code from} to {@code to} on {@code on}, or the refusal.
     *
     * @param hasPartyOrganization whether the member has a party organization to admit them
     * @param targetTrainingHours  development-target training hours recorded for the member
     * @param extensionMonths      the probation extension already granted, or {@code null}
     */
    public StageDates advance(Stage from, StageDates dates, Stage to, LocalDate on, LocalDate today, boolean hasPartyOrganization,
            BigDecimal targetTrainingHours, Integer extensionMonths) {
        if (on.isAfter(today)) {
            throw new InvalidInputException("on", "must not be in the future");
        }
        if (from.next() != to) {
            throw refusal(STAGE_ORDER, "From " + from + " the next stage is " + (from.next() == null ? "none" : from.next())
                    + "; stages are not skipped and do not go back", null, Map.of("stage", from.name(), "to", to.name()));
        }
        LocalDate since = dates.of(from);
        if (on.isBefore(since)) {
            throw new InvalidInputException("on", "must not be before the " + from + " date " + since);
        }
        requireStep(to, on, dates, hasPartyOrganization, targetTrainingHours, extensionMonths, Map.of());
        return dates.with(to, on);
    }

    /**
     * The one gate for a member who arrives at a later stage (registered, imported) or whose stage dates are
     * corrected: each stage reached after the first is checked in turn as its transition would have been — a year as
     * activist, a year of probation (plus the extension), and for an admission dated on or after the district's
     * training-records start date the development-target training hours, exactly as the transition checks them. Not
     * asked of such a history: the party organization that admitted the member (it may have been elsewhere).
     * {@link #checkDates} has already checked that the dates are there, in order and not in the future.
     * A refusal names the rule as the transition does, with {@code facts.field} the date it concerns.
     *
     * @param targetTrainingHours development-target training hours recorded for the member (none before registration)
     * @param extensionMonths     the probation extension granted, or {@code null}
     */
    public void requireHistory(Stage stage, StageDates dates, BigDecimal targetTrainingHours, Integer extensionMonths) {
        for (Stage to = Stage.ACTIVIST; to != null && to.ordinal() <= stage.ordinal(); to = to.next()) {
            LocalDate on = dates.of(to);
            boolean trainingRecorded = to == Stage.PROBATIONARY && !on.isBefore(settings.trainingRecordsStart());
            requireStep(to, on, dates, null, trainingRecorded ? targetTrainingHours : null, extensionMonths,
                    Map.of("field", field(to)));
        }
    }

    /**
     * The checks of reaching {@code to} on {@code on}: {@code hasPartyOrganization} and {@code targetTrainingHours}
     * {@code null} are not asked.
     */
    private void requireStep(Stage to, LocalDate on, StageDates dates, Boolean hasPartyOrganization, BigDecimal targetTrainingHours,
            Integer extensionMonths, Map<String, Object> context) {
        switch (to) {
            case DEVELOPMENT_TARGET -> {
                LocalDate allowedFrom = dates.activistOn().plusMonths(settings.activistMonths());
                if (on.isBefore(allowedFrom)) {
                    throw refusal(ACTIVIST_PERIOD, "A member becomes a development target after " + settings.activistMonths()
                            + " months as activist", allowedFrom, with(context, "activistOn", dates.activistOn().toString()));
                }
            }
            case PROBATIONARY -> {
                if (hasPartyOrganization != null && !hasPartyOrganization) {
                    throw refusal(PARTY_ORGANIZATION_TO_ADMIT, "Admission needs a party organization to admit the member", null,
                            context);
                }
                if (targetTrainingHours != null && targetTrainingHours.compareTo(settings.targetTrainingHours()) < 0) {
                    Map<String, Object> facts = with(context, "hoursRecorded", targetTrainingHours.toPlainString());
                    facts.put("hoursRequired", settings.targetTrainingHours().toPlainString());
                    String detail = "Admission needs " + hours(settings.targetTrainingHours())
                            + " hours of development-target training; " + hours(targetTrainingHours) + " are recorded";
                    if (!context.isEmpty()) {
                        facts.put("trainingRecordsStart", settings.trainingRecordsStart().toString());
                        detail += " (admissions from the training-records start date " + settings.trainingRecordsStart()
                                + " on are checked like a transition: register the member as DEVELOPMENT_TARGET, record the "
                                + "training, then POST /api/members/{id}/stage-transitions)";
                    }
                    throw refusal(TARGET_TRAINING, detail, null, facts);
                }
            }
            case FORMAL -> {
                LocalDate allowedFrom = probationEnds(dates.admittedOn(), extensionMonths);
                if (on.isBefore(allowedFrom)) {
                    throw refusal(PROBATION_PERIOD, "Probation lasts " + settings.probationMonths() + " months"
                            + (extensionMonths == null ? "" : " plus the extension of " + extensionMonths + " months"),
                            allowedFrom, with(context, "admittedOn", dates.admittedOn().toString()));
                }
            }
            default -> {
                // ACTIVIST: any date from application on
            }
        }
    }

    private static Map<String, Object> with(Map<String, Object> context, String key, Object value) {
        Map<String, Object> facts = new LinkedHashMap<>(context);
        facts.put(key, value);
        return facts;
    }

    private static String hours(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString();
    }

    /** Checks a probation extension of {@code months}; there is only one. */
    public void requireExtension(Stage stage, Integer alreadyExtended, int months) {
        if (stage != Stage.PROBATIONARY) {
            throw refusal(STAGE_ORDER, "Only probation can be extended", null, Map.of("stage", stage.name()));
        }
        if (alreadyExtended != null) {
            throw refusal(ONE_EXTENSION, "Probation may be extended once; it was extended by " + alreadyExtended + " months", null,
                    Map.of("extensionMonths", alreadyExtended));
        }
        if (months < settings.extensionMinMonths() || months > settings.extensionMaxMonths()) {
            throw new InvalidInputException("extensionMonths", "must be " + settings.extensionMinMonths() + " to "
                    + settings.extensionMaxMonths());
        }
    }

    /** The first day a probationer may be confirmed. */
    public LocalDate probationEnds(LocalDate admittedOn, Integer extensionMonths) {
        return admittedOn.plusMonths(settings.probationMonths() + (extensionMonths == null ? 0 : extensionMonths));
    }

    /** The first day an activist may become a development target. */
    public LocalDate activistPeriodEnds(LocalDate activistOn) {
        return activistOn.plusMonths(settings.activistMonths());
    }

    public static String field(Stage stage) {
        return switch (stage) {
            case APPLICANT -> "appliedOn";
            case ACTIVIST -> "activistOn";
            case DEVELOPMENT_TARGET -> "targetOn";
            case PROBATIONARY -> "admittedOn";
            case FORMAL -> "confirmedOn";
        };
    }

    private static DomainRuleViolation refusal(String rule, String detail, LocalDate allowedFrom, Map<String, Object> facts) {
        Map<String, Object> all = new LinkedHashMap<>(facts);
        if (allowedFrom != null) {
            all.put("allowedFrom", allowedFrom.toString());
        }
        return new DomainRuleViolation(rule, detail + (allowedFrom == null ? "" : "; allowed from " + allowedFrom), all);
    }
}
