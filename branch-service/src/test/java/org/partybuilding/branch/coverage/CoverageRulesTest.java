package org.partybuilding.branch.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class CoverageRulesTest {

    private final CoverageRules rules = new CoverageRules(CoverageRules.Thresholds.DEFAULTS);

    private static OrganizationCoverage org(String id, boolean active, int formal, int probationary, Formation coveredBy,
            boolean instructor) {
        return new OrganizationCoverage(id, "组织" + id, "JIANSHE", "SOCIAL_GROUP", null, active, formal, probationary,
                coveredBy, instructor);
    }

    @Test
    void threeFormalMembersMustFormTheirOwnSingleOrganization() {
        assertThat(rules.gap(org("a", true, 3, 0, null, false))).contains(GapReason.SHOULD_FORM_SINGLE);
        assertThat(rules.gap(org("b", true, 5, 0, Formation.JOINT, false))).contains(GapReason.SHOULD_FORM_SINGLE);
        assertThat(rules.gap(org("c", true, 3, 1, Formation.SINGLE, false))).isEmpty();
    }

    @Test
    void oneOrTwoFormalOrOnlyProbationaryMembersNeedJointCoverage() {
        assertThat(rules.gap(org("a", true, 2, 0, null, false))).contains(GapReason.NEEDS_JOINT);
        assertThat(rules.gap(org("b", true, 0, 1, null, true))).contains(GapReason.NEEDS_JOINT);
        assertThat(rules.gap(org("c", true, 1, 0, Formation.JOINT, false))).isEmpty();
        assertThat(rules.gap(org("d", true, 2, 0, Formation.AFFILIATED, false))).isEmpty();
    }

    @Test
    void noMembersNeedsAnInstructorAndAnInstructorIsWorkCoverage() {
        assertThat(rules.gap(org("a", true, 0, 0, null, false))).contains(GapReason.NEEDS_INSTRUCTOR);
        assertThat(rules.gap(org("b", true, 0, 0, null, true))).isEmpty();
        assertThat(rules.standing(org("b", true, 0, 0, null, true))).isEqualTo(CoverageRules.Standing.INSTRUCTOR_ONLY);
    }

    @Test
    void aDeregisteredOrganizationIsAGapOnlyWhileItsSingleOrganizationIsActive() {
        assertThat(rules.gap(org("a", false, 4, 0, Formation.SINGLE, false)))
                .contains(GapReason.DEREGISTERED_WITH_ACTIVE_PARTY_ORGANIZATION);
        assertThat(rules.gap(org("b", false, 0, 0, null, false))).isEmpty();
    }

    @Test
    void thresholdsComeFromConfiguration() {
        CoverageRules stricter = new CoverageRules(new CoverageRules.Thresholds(5, 3, 5, 50, 100));
        assertThat(stricter.gap(org("a", true, 4, 0, null, false))).contains(GapReason.NEEDS_JOINT);
    }

    @Test
    void figuresCountOnlyActiveOrganizationsAndRatesAreFractions() {
        List<OrganizationCoverage> organizations = List.of(
                org("single", true, 4, 0, Formation.SINGLE, false),
                org("joint", true, 1, 0, Formation.JOINT, false),
                org("needs-joint", true, 2, 0, null, false),
                org("instructed", true, 0, 0, null, true),
                org("bare", true, 0, 0, null, false),
                org("gone", false, 3, 0, null, false));

        CoverageFigures figures = CoverageFigures.of(organizations, rules);

        assertThat(figures.activeOrganizations()).isEqualTo(5);
        assertThat(figures.withMembers()).isEqualTo(3);
        assertThat(figures.coveredBySingle()).isEqualTo(1);
        assertThat(figures.coveredByJoint()).isEqualTo(1);
        assertThat(figures.instructorOnly()).isEqualTo(1);
        assertThat(figures.uncovered()).isEqualTo(2);
        // 2 of the 3 organizations with members have a party organization; 3 of 5 have work coverage.
        assertThat(figures.organizationCoverageRate()).isEqualByComparingTo(new BigDecimal("0.6667"));
        assertThat(figures.workCoverageRate()).isEqualByComparingTo(new BigDecimal("0.6000"));
        assertThat(CoverageFigures.of(List.of(org("bare", true, 0, 0, null, false)), rules).organizationCoverageRate()).isNull();
    }
}
