package org.partybuilding.branch.coverage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The coverage figures of DOMAIN.md §4 for a set of active organizations. Rates are fractions
 * with 4 decimals; a rate whose denominator is zero is {@code null} (nothing to cover is not 0 %).
 */
public record CoverageFigures(int activeOrganizations, int withMembers, int coveredBySingle, int coveredByJoint,
        int coveredByAffiliated, int instructorOnly, int uncovered, BigDecimal organizationCoverageRate,
        BigDecimal workCoverageRate) {

    static CoverageFigures of(List<OrganizationCoverage> organizations, CoverageRules rules) {
        int active = 0;
        int withMembers = 0;
        int coveredWithMembers = 0;
        int[] byStanding = new int[CoverageRules.Standing.values().length];
        for (OrganizationCoverage o : organizations) {
            if (!o.active()) {
                continue;
            }
            active++;
            CoverageRules.Standing standing = rules.standing(o);
            byStanding[standing.ordinal()]++;
            if (o.members() > 0) {
                withMembers++;
                if (standing.byPartyOrganization()) {
                    coveredWithMembers++;
                }
            }
        }
        int single = byStanding[CoverageRules.Standing.SINGLE.ordinal()];
        int joint = byStanding[CoverageRules.Standing.JOINT.ordinal()];
        int affiliated = byStanding[CoverageRules.Standing.AFFILIATED.ordinal()];
        int instructorOnly = byStanding[CoverageRules.Standing.INSTRUCTOR_ONLY.ordinal()];
        int uncovered = byStanding[CoverageRules.Standing.UNCOVERED.ordinal()];
        return new CoverageFigures(active, withMembers, single, joint, affiliated, instructorOnly, uncovered,
                rate(coveredWithMembers, withMembers), rate(single + joint + affiliated + instructorOnly, active));
    }

    private static BigDecimal rate(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
