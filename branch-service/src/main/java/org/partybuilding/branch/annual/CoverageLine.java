package org.partybuilding.branch.annual;

import java.math.BigDecimal;

import org.partybuilding.branch.coverage.CoverageReport;

/** The coverage figures of DOMAIN.md §4 on one day, for the district or one street (as the coverage report has them). */
public record CoverageLine(int activeOrganizations, int withMembers, int coveredBySingle, int coveredByJoint,
        int coveredByAffiliated, int instructorOnly, int uncovered, BigDecimal organizationCoverageRate, BigDecimal workCoverageRate) {

    static CoverageLine of(CoverageReport r) {
        return new CoverageLine(r.activeOrganizations(), r.withMembers(), r.coveredBySingle(), r.coveredByJoint(),
                r.coveredByAffiliated(), r.instructorOnly(), r.uncovered(), r.organizationCoverageRate(), r.workCoverageRate());
    }

    static CoverageLine of(CoverageReport.StreetCoverage s) {
        return new CoverageLine(s.activeOrganizations(), s.withMembers(), s.coveredBySingle(), s.coveredByJoint(),
                s.coveredByAffiliated(), s.instructorOnly(), s.uncovered(), s.organizationCoverageRate(), s.workCoverageRate());
    }
}
