package org.partybuilding.branch.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partybuilding.branch.coverage.CoverageRulesTest.organization;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partybuilding.branch.ConfiguredRules;
import org.partybuilding.branch.domain.Formation;

class CoverageFiguresTest {

    private final CoverageRules rules = new CoverageRules(ConfiguredRules.coverage());

    @Test
    void countsActiveOrganizationsByHowTheyAreCoveredAndDividesAsDomainMdSays() {
        List<OrganizationFacts> organizations = List.of(
                organization(4, 0, Formation.SINGLE, false),
                organization(1, 0, Formation.JOINT, false),
                organization(0, 0, Formation.AFFILIATED, false),
                organization(2, 0, null, true),
                organization(0, 0, null, true),
                organization(2, 0, null, false),
                organization(0, 0, null, false),
                organization(false, 3, 0, Formation.SINGLE, false));

        CoverageFigures figures = CoverageFigures.of(organizations, rules);

        assertThat(figures.activeOrganizations()).isEqualTo(7);
        assertThat(figures.withMembers()).isEqualTo(4);
        assertThat(figures.coveredBySingle()).isEqualTo(1);
        assertThat(figures.coveredByJoint()).isEqualTo(1);
        assertThat(figures.coveredByAffiliated()).isEqualTo(1);
        assertThat(figures.instructorOnly()).isEqualTo(2);
        assertThat(figures.uncovered()).isEqualTo(2);
        // Of the 4 with members, the single and the joint one have a party organization: 2/4.
        assertThat(figures.organizationCoverageRate()).isEqualTo(new BigDecimal("0.5000"));
        // 5 of 7 have a party organization or an instructor.
        assertThat(figures.workCoverageRate()).isEqualTo(new BigDecimal("0.7143"));
    }

    @Test
    void withoutMembersThereIsNoOrganizationCoverageRateAndWithoutOrganizationsNoRateAtAll() {
        CoverageFigures bare = CoverageFigures.of(List.of(organization(0, 0, null, false)), rules);
        assertThat(bare.organizationCoverageRate()).isNull();
        assertThat(bare.workCoverageRate()).isEqualTo(new BigDecimal("0.0000"));

        CoverageFigures none = CoverageFigures.of(List.of(organization(false, 0, 0, null, false)), rules);
        assertThat(none.activeOrganizations()).isZero();
        assertThat(none.organizationCoverageRate()).isNull();
        assertThat(none.workCoverageRate()).isNull();
    }
}
