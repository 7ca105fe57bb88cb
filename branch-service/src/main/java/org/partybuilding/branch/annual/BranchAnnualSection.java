package org.partybuilding.branch.annual;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * branch-service's section of the annual report to the district committee (每年向区委报告), for a year and optionally a
 * street.
 *
 * @param coverageAtStart coverage as recorded on the year's first day ({@code asOf}), or on the earliest day within
 *                        {@code branch.annual.year-start-tolerance-days} after it; {@code null} when none was recorded then
 * @param coverageAtEnd   in the current year the coverage report as it stands ({@code asOf} today); for a past year as
 *                        recorded on its last recorded day
 * @param established     party organizations established in the year (by their establishment date), per formation, with
 *                        {@code TOTAL}; pre-existing ones are counted where their establishment date falls
 * @param dissolved       party organizations dissolved in the year, per formation, with {@code TOTAL}
 * @param standardization six haves and ratings of the active party organizations as they stand now (the standardization
 *                        report: branch-service keeps no dated six-haves or ratings)
 */
public record BranchAnnualSection(int year, String street, String streetName, LocalDate asOf, Coverage coverageAtStart,
        Coverage coverageAtEnd, Map<String, Integer> established, Map<String, Integer> dissolved, Standardization standardization) {

    public record Coverage(LocalDate asOf, CoverageLine figures) {
    }

    public record Standardization(LocalDate asOf, int partyOrganizations, int meetingAllSixHaves, BigDecimal shareMeetingAllSixHaves,
            Map<String, Integer> sixHaves, Map<String, Integer> ratings) {
    }
}
