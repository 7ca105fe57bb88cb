package org.partybuilding.branch.coverage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * The coverage figures of DOMAIN.md §4 over a set of organizations; only active ones are counted.
 * Every active organization is exactly one of single, joint, affiliated, instructor only, uncovered.
 *
 * @param organizationCoverageRate organization coverage (组织覆盖率): active organizations with members that a party
 *                                 organization covers ÷ active organizations with members
 * @param workCoverageRate         work coverage (工作覆盖率): active organizations covered by a party organization or
 *                                 an instructor ÷ active organizations
 *                                 <p>Rates are fractions rounded half-up to 4 decimals ({@code 0.6667}); a rate whose
 *                                 denominator is zero is {@code null}: with nothing to cover there is no rate, and 0 would
 *                                 read as "none covered".
 */
public record CoverageFigures(int activeOrganizations, int withMembers, int coveredBySingle, int coveredByJoint,
        int coveredByAffiliated, int instructorOnly, int uncovered, BigDecimal organizationCoverageRate,
        BigDecimal workCoverageRate) {

    static final int RATE_SCALE = 4;

    public static CoverageFigures of(Collection<OrganizationFacts> organizations, CoverageRules rules) {
        int active = 0;
        int withMembers = 0;
        int withMembersCovered = 0;
        int single = 0;
        int joint = 0;
        int affiliated = 0;
        int instructorOnly = 0;
        int uncovered = 0;
        for (OrganizationFacts organization : organizations) {
            if (!organization.active()) {
                continue;
            }
            active++;
            CoverageRules.Standing standing = rules.standing(organization);
            switch (standing) {
                case SINGLE -> single++;
                case JOINT -> joint++;
                case AFFILIATED -> affiliated++;
                case INSTRUCTOR_ONLY -> instructorOnly++;
                case UNCOVERED -> uncovered++;
            }
            if (organization.hasMembers()) {
                withMembers++;
                if (standing.byPartyOrganization()) {
                    withMembersCovered++;
                }
            }
        }
        return new CoverageFigures(active, withMembers, single, joint, affiliated, instructorOnly, uncovered,
                rate(withMembersCovered, withMembers), rate(active - uncovered, active));
    }

    private static BigDecimal rate(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATE_SCALE, RoundingMode.HALF_UP);
    }
}
