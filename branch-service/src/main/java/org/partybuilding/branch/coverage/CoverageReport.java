package org.partybuilding.branch.coverage;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /api/branches/coverage}: the district's (or the filtered part's) figures, the same per
 * street, and the gap list with reasons.
 */
public record CoverageReport(int activeOrganizations, int withMembers, int coveredBySingle, int coveredByJoint,
        int coveredByAffiliated, int instructorOnly, int uncovered, BigDecimal organizationCoverageRate,
        BigDecimal workCoverageRate, List<StreetCoverage> byStreet, List<CoverageRules.Gap> gaps) {

    /** One street's figures. */
    public record StreetCoverage(String street, String streetName, CoverageFigures figures) {
    }

    static CoverageReport of(CoverageFigures total, List<StreetCoverage> byStreet, List<CoverageRules.Gap> gaps) {
        return new CoverageReport(total.activeOrganizations(), total.withMembers(), total.coveredBySingle(),
                total.coveredByJoint(), total.coveredByAffiliated(), total.instructorOnly(), total.uncovered(),
                total.organizationCoverageRate(), total.workCoverageRate(), byStreet, gaps);
    }
}
