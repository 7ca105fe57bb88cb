package org.partybuilding.training.compliance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.partybuilding.training.domain.ActivityKind;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The numbers of rules 12 and 13 (DOMAIN.md), from configuration {@code training.rules.*}.
 *
 * @param yearlyHours      hours of study a member needs per year (32)
 * @param leaderYearlyHours the same for secretaries and committee members (56)
 * @param quorumShare      a general meeting has its quorum when more than this share of the party members attend (0.5)
 * @param partyGroupsKnown whether the platform knows which party organizations have party groups (党小组); until
 *                         branch-service reports them, group meetings are shown but not required
 * @param requirements     the required frequencies of rule 12
 * @param activityHours    hours credited to each attendee of an activity when its record does not say
 */
@ConfigurationProperties("training.rules")
public record TrainingSettings(BigDecimal yearlyHours, BigDecimal leaderYearlyHours, BigDecimal quorumShare,
        boolean partyGroupsKnown, List<Requirement> requirements, Map<ActivityKind, BigDecimal> activityHours) {

    public TrainingSettings {
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
        activityHours = activityHours == null ? Map.of() : Map.copyOf(activityHours);
    }

    public BigDecimal activityHours(ActivityKind kind) {
        return activityHours.getOrDefault(kind, BigDecimal.ZERO);
    }

    /**
     * One line of rule 12: activities of {@code kind} (given by the secretary, if {@code bySecretary})
     * at least {@code times} per {@code per}, for party organizations that meet {@code where}.
     */
    public record Requirement(String name, ActivityKind kind, Frequency per, Integer times, Condition where, boolean bySecretary) {

        public Requirement {
            times = times == null ? 1 : times;
            where = where == null ? Condition.ALWAYS : where;
        }
    }

    public enum Frequency {
        MONTH, QUARTER, YEAR
    }

    /** Which party organizations a requirement applies to. */
    public enum Condition {
        ALWAYS,
        /** only where a committee (支部委员会) has been elected */
        COMMITTEE,
        /** only where party groups (党小组) exist */
        PARTY_GROUPS
    }
}
