package org.partybuilding.branch.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.partybuilding.branch.ConfiguredRules;
import org.partybuilding.branch.domain.Formation;
import org.partybuilding.branch.domain.PartyOrganizationType;

class CoverageRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    private final CoverageRules rules = new CoverageRules(ConfiguredRules.coverage());

    static OrganizationFacts organization(int formal, int probationary, Formation coveredBy, boolean instructor) {
        return organization(true, formal, probationary, coveredBy, instructor);
    }

    static OrganizationFacts organization(boolean active, int formal, int probationary, Formation coveredBy, boolean instructor) {
        return new OrganizationFacts("org", "越秀区书法家协会", "JIANSHE", active, formal, probationary,
                coveredBy == null ? null : new CoveringPartyOrganization("po", "党支部", coveredBy), instructor);
    }

    @Nested
    class AnOrganization {

        @Test
        void withThreeFormalMembersMustHaveItsOwnSinglePartyOrganization() {
            assertThat(rules.gap(organization(3, 0, null, false))).contains(GapReason.SHOULD_FORM_SINGLE);
            assertThat(rules.gap(organization(5, 0, Formation.JOINT, false))).contains(GapReason.SHOULD_FORM_SINGLE);
            assertThat(rules.gap(organization(4, 0, Formation.AFFILIATED, true))).contains(GapReason.SHOULD_FORM_SINGLE);
            assertThat(rules.gap(organization(3, 2, Formation.SINGLE, false))).isEmpty();
        }

        @Test
        void withOneOrTwoFormalOrOnlyProbationaryMembersNeedsAJointOrAffiliatedPartyOrganization() {
            assertThat(rules.gap(organization(2, 0, null, false))).contains(GapReason.NEEDS_JOINT);
            assertThat(rules.gap(organization(1, 5, null, false))).contains(GapReason.NEEDS_JOINT);
            assertThat(rules.gap(organization(0, 1, null, false))).contains(GapReason.NEEDS_JOINT);
            // An instructor is work coverage, but members need a party organization.
            assertThat(rules.gap(organization(2, 0, null, true))).contains(GapReason.NEEDS_JOINT);
            assertThat(rules.gap(organization(1, 0, Formation.JOINT, false))).isEmpty();
            assertThat(rules.gap(organization(0, 2, Formation.AFFILIATED, false))).isEmpty();
        }

        @Test
        void withoutMembersNeedsAnInstructorUnlessSomethingCoversIt() {
            assertThat(rules.gap(organization(0, 0, null, false))).contains(GapReason.NEEDS_INSTRUCTOR);
            assertThat(rules.gap(organization(0, 0, null, true))).isEmpty();
            assertThat(rules.gap(organization(0, 0, Formation.AFFILIATED, false))).isEmpty();
        }

        @Test
        void deregisteredIsAGapOnlyWhileItsSinglePartyOrganizationIsActive() {
            assertThat(rules.gap(organization(false, 4, 0, Formation.SINGLE, false)))
                    .contains(GapReason.DEREGISTERED_WITH_ACTIVE_PARTY_ORGANIZATION);
            // A joint party organization drops a deregistered organization by itself (rule 6).
            assertThat(rules.gap(organization(false, 1, 0, Formation.JOINT, false))).isEmpty();
            assertThat(rules.gap(organization(false, 3, 0, null, false))).isEmpty();
            assertThat(rules.gap(organization(false, 0, 0, null, false))).isEmpty();
        }

        @Test
        void standsByItsPartyOrganizationThenByAnInstructor() {
            assertThat(rules.standing(organization(4, 0, Formation.SINGLE, true))).isEqualTo(CoverageRules.Standing.SINGLE);
            assertThat(rules.standing(organization(1, 0, Formation.JOINT, false))).isEqualTo(CoverageRules.Standing.JOINT);
            assertThat(rules.standing(organization(0, 0, Formation.AFFILIATED, false))).isEqualTo(CoverageRules.Standing.AFFILIATED);
            assertThat(rules.standing(organization(0, 0, null, true))).isEqualTo(CoverageRules.Standing.INSTRUCTOR_ONLY);
            assertThat(rules.standing(organization(2, 0, null, false))).isEqualTo(CoverageRules.Standing.UNCOVERED);
        }
    }

    @Nested
    class APartyOrganization {

        private PartyOrganizationFacts party(PartyOrganizationType type, Formation formation, int formal, int probationary,
                LocalDate termEndsOn) {
            return new PartyOrganizationFacts("po", "联合党支部", "JIANSHE", type, formation, formal, probationary, termEndsOn);
        }

        private PartyOrganizationFacts led(int formal, boolean committee, boolean secretary) {
            return new PartyOrganizationFacts("po", "党支部", "JIANSHE", PartyOrganizationType.BRANCH, Formation.SINGLE, formal, 0,
                    null, committee, secretary);
        }

        @Test
        void rule5SevenFormalMembersWithoutAnElectedCommitteeIsAGap() {
            assertThat(rules.gaps(led(7, false, true), TODAY)).containsExactly(GapReason.COMMITTEE_NOT_ELECTED);
            assertThat(rules.gaps(led(60, false, true), TODAY)).containsExactly(GapReason.OVERSIZED_BRANCH,
                    GapReason.COMMITTEE_NOT_ELECTED);
            assertThat(rules.gaps(led(6, false, true), TODAY)).isEmpty();
            assertThat(rules.gaps(led(9, true, true), TODAY)).isEmpty();
        }

        @Test
        void rule5NoSecretaryIsAGapAtAnySize() {
            assertThat(rules.gaps(led(3, false, false), TODAY)).containsExactly(GapReason.SECRETARY_MISSING);
            assertThat(rules.gaps(led(9, false, false), TODAY))
                    .containsExactly(GapReason.COMMITTEE_NOT_ELECTED, GapReason.SECRETARY_MISSING);
            assertThat(rules.leadershipGaps(led(9, true, false))).containsExactly(GapReason.SECRETARY_MISSING);
        }

        @Test
        void jointBelowThreeFormalMembersIsFlagged() {
            assertThat(rules.gaps(party(PartyOrganizationType.BRANCH, Formation.JOINT, 2, 4, null), TODAY))
                    .containsExactly(GapReason.JOINT_BELOW_THREE);
            assertThat(rules.gaps(party(PartyOrganizationType.BRANCH, Formation.JOINT, 3, 0, null), TODAY)).isEmpty();
            assertThat(rules.gaps(party(PartyOrganizationType.BRANCH, Formation.AFFILIATED, 1, 0, null), TODAY)).isEmpty();
        }

        @Test
        void aBranchAboveFiftyMembersIsOversizedAGeneralBranchIsNot() {
            assertThat(rules.gaps(party(PartyOrganizationType.BRANCH, Formation.SINGLE, 45, 6, null), TODAY))
                    .containsExactly(GapReason.OVERSIZED_BRANCH);
            assertThat(rules.gaps(party(PartyOrganizationType.BRANCH, Formation.SINGLE, 45, 5, null), TODAY)).isEmpty();
            assertThat(rules.gaps(party(PartyOrganizationType.GENERAL_BRANCH, Formation.SINGLE, 80, 0, null), TODAY)).isEmpty();
        }

        @Test
        void aTermEndingWithinNinetyDaysOrEndedIsFlagged() {
            assertThat(rules.gaps(party(PartyOrganizationType.BRANCH, Formation.SINGLE, 5, 0, TODAY.plusDays(90)), TODAY))
                    .containsExactly(GapReason.TERM_EXPIRED);
            assertThat(rules.gaps(party(PartyOrganizationType.BRANCH, Formation.SINGLE, 5, 0, TODAY.minusYears(1)), TODAY))
                    .containsExactly(GapReason.TERM_EXPIRED);
            assertThat(rules.gaps(party(PartyOrganizationType.BRANCH, Formation.SINGLE, 5, 0, TODAY.plusDays(91)), TODAY)).isEmpty();
            assertThat(rules.gaps(party(PartyOrganizationType.BRANCH, Formation.SINGLE, 5, 0, null), TODAY)).isEmpty();
        }

        @Test
        void mayHaveSeveralGaps() {
            assertThat(rules.gaps(party(PartyOrganizationType.BRANCH, Formation.JOINT, 2, 60, TODAY), TODAY))
                    .containsExactly(GapReason.JOINT_BELOW_THREE, GapReason.OVERSIZED_BRANCH, GapReason.TERM_EXPIRED);
        }
    }

    @Test
    void theNumbersComeFromConfiguration() {
        CoverageRules configured = new CoverageRules(new CoverageRules.Thresholds(5, 4, 30, 30, 10));
        assertThat(configured.gap(organization(4, 0, null, false))).contains(GapReason.NEEDS_JOINT);
        assertThat(configured.gap(organization(5, 0, null, false))).contains(GapReason.SHOULD_FORM_SINGLE);
        PartyOrganizationFacts joint = new PartyOrganizationFacts("po", "联合党支部", "JIANSHE", PartyOrganizationType.BRANCH,
                Formation.JOINT, 3, 28, TODAY.plusDays(60));
        assertThat(configured.gaps(joint, TODAY)).containsExactly(GapReason.JOINT_BELOW_THREE, GapReason.OVERSIZED_BRANCH);
        assertThat(configured.gaps(new PartyOrganizationFacts("po", "党支部", "JIANSHE", PartyOrganizationType.BRANCH,
                Formation.SINGLE, 9, 0, null, false, true), TODAY)).isEmpty();
        assertThat(configured.gaps(new PartyOrganizationFacts("po", "党支部", "JIANSHE", PartyOrganizationType.BRANCH,
                Formation.SINGLE, 10, 0, null, false, true), TODAY)).containsExactly(GapReason.COMMITTEE_NOT_ELECTED);
        assertThatThrownBy(() -> new CoverageRules.Thresholds(0, 3, 50, 90, 7)).isInstanceOf(IllegalArgumentException.class);
    }
}
