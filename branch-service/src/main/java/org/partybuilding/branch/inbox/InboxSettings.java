package org.partybuilding.branch.inbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The inbox's numbers ({@code branch.inbox.*}); the term warning is rule 5's {@code branch.rules.term-warning-days}.
 *
 * @param newOrganizationDays        an organization still without coverage this many days after its registration is due
 *                                   (rule 7, 同步组建: registration and party organization land together)
 * @param newOrganizationWindowDays  "newly registered": registered at most this many days ago; older gaps are the
 *                                   coverage report's gap list, not the inbox's
 * @param jointPlanUntouchedDays     a joint-plan proposal is due when none of its organizations was covered this many days
 *                                   after it could first be proposed
 */
@Validated
@ConfigurationProperties("branch.inbox")
public record InboxSettings(@PositiveOrZero int newOrganizationDays, @Positive int newOrganizationWindowDays,
        @PositiveOrZero int jointPlanUntouchedDays) {
}
