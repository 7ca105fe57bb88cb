package org.partybuilding.branch;

import org.partybuilding.branch.coverage.CoverageRules;
import org.partybuilding.branch.partyorganization.FormationRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
        @Min(2) int jointMaxOrganizations,
        @Positive int branchMaxMembers,
        @Positive int committeeMinMembers,
        @Positive int committeeFromFormalMembers,
        @Positive int committeeMinSeats,
        @Positive int committeeMaxSeats,
        @Positive int branchTermYears,
        @Positive int committeeTermYears,
        @PositiveOrZero @Max(24) int maxPostponementMonths,
        @PositiveOrZero int termWarningDays) {

    public CoverageRules.Thresholds coverageThresholds() {
        return new CoverageRules.Thresholds(singleMinFormalMembers, jointMinFormalMembers, branchMaxMembers, termWarningDays,
                committeeFromFormalMembers);
    }

    public FormationRules.Settings formationSettings() {
        return new FormationRules.Settings(singleMinFormalMembers, jointMinFormalMembers, jointMaxOrganizations,
                branchMaxMembers, committeeMinMembers, committeeFromFormalMembers, committeeMinSeats, committeeMaxSeats,
                branchTermYears, committeeTermYears, maxPostponementMonths);
    }
}
