package org.partybuilding.branch;

import org.partybuilding.branch.coverage.CoverageRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The numbers of DOMAIN.md §3 that branch-service applies ({@code branch.rules.*} in application.yml); a missing
 * or non-positive value stops the service at start rather than silently deciding with 0.
 */
@Validated
@ConfigurationProperties("branch.rules")
public record BranchRulesProperties(
        @Positive int singleMinFormalMembers,
        @Positive int jointMinFormalMembers,
        @Positive int branchMaxMembers,
        @PositiveOrZero int termWarningDays) {

    public CoverageRules.Thresholds coverageThresholds() {
        return new CoverageRules.Thresholds(singleMinFormalMembers, jointMinFormalMembers, branchMaxMembers, termWarningDays);
    }
}
