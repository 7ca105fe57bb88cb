package org.partybuilding.branch.annual;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The annual section's number ({@code branch.annual.*}).
 *
 * @param yearStartToleranceDays the year-start coverage is the one recorded on 1 January or at most this many days after
 *                               (the platform may have been down that day); none recorded by then: "not recorded"
 */
@Validated
@ConfigurationProperties("branch.annual")
public record AnnualSettings(@PositiveOrZero @Max(31) int yearStartToleranceDays) {
}
