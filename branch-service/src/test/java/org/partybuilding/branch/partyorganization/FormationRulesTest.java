package org.partybuilding.branch.partyorganization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.partybuilding.branch.ConfiguredRules;
import org.partybuilding.branch.domain.Formation;
import org.partybuilding.branch.domain.PartyOrganizationType;
import org.partybuilding.platform.problem.DomainRuleViolation;

/** Rules 1, 2, 4 and 5 at their boundaries, with DOMAIN.md's numbers. */
class FormationRulesTest {

    private final FormationRules rules = new FormationRules(ConfiguredRules.formation());

    private static FormationRules.Covered org(String id, int formal, int probationary) {
        return new FormationRules.Covered(id, "社会组织" + id, formal, probationary);
    }

    private static List<FormationRules.Covered> orgs(int count, int formalEach) {
        List<FormationRules.Covered> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(org("o" + i, formalEach, 0));
        }
        return list;
    }

    private String refusal(Runnable check) {
        try {
            check.run();
        } catch (DomainRuleViolation e) {
            return e.rule();
        }
        return null;
    }

    @Test
    void rule1ASingleNeedsThreeFormalMembersAtTheOrganization() {
        assertThat(refusal(() -> rules.requireFormation(PartyOrganizationType.BRANCH, Formation.SINGLE, List.of(org("a", 2, 5)), false)))
                .isEqualTo(FormationRules.RULE_1_SINGLE_FORMAL_MEMBERS);
        assertThatCode(() -> rules.requireFormation(PartyOrganizationType.BRANCH, Formation.SINGLE, List.of(org("a", 3, 0)), false))
                .doesNotThrowAnyException();
        assertThat(refusal(() -> rules.requireFormation(PartyOrganizationType.BRANCH, Formation.SINGLE, orgs(2, 3), false)))
                .isEqualTo(FormationRules.RULE_1_SINGLE_ONE_ORGANIZATION);
    }

    @Test
    void theRefusalNamesTheRuleAndTheCounts() {
        assertThatThrownBy(() -> rules.requireFormation(PartyOrganizationType.BRANCH, Formation.SINGLE, List.of(org("a", 2, 1)), false))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("3 or more formal members").hasMessageContaining("has 2")
                .satisfies(e -> assertThat(((DomainRuleViolation) e).properties()).containsKey("facts"));
    }

    @Test
    void rule2AJointNeedsThreeFormalMembersInTotal() {
        assertThat(refusal(() -> rules.requireFormation(PartyOrganizationType.BRANCH, Formation.JOINT,
                List.of(org("a", 1, 3), org("b", 1, 0)), false))).isEqualTo(FormationRules.RULE_2_JOINT_FORMAL_MEMBERS);
        assertThatCode(() -> rules.requireFormation(PartyOrganizationType.BRANCH, Formation.JOINT,
                List.of(org("a", 2, 0), org("b", 1, 0)), false)).doesNotThrowAnyException();
    }

    @Test
    void rule2AJointCoversTwoToFiveOrganizations() {
        assertThatCode(() -> rules.requireFormation(PartyOrganizationType.BRANCH, Formation.JOINT, orgs(5, 1), false))
                .doesNotThrowAnyException();
        assertThat(refusal(() -> rules.requireFormation(PartyOrganizationType.BRANCH, Formation.JOINT, orgs(6, 1), false)))
                .isEqualTo(FormationRules.RULE_2_JOINT_ORGANIZATIONS);
        assertThat(refusal(() -> rules.requireFormation(PartyOrganizationType.BRANCH, Formation.JOINT, orgs(1, 2), false)))
                .isEqualTo(FormationRules.RULE_2_JOINT_ORGANIZATIONS);
    }

    @Test
    void rule1AnOrganizationWithThreeFormalMembersIsNotCoveredJointlyOrByAffiliation() {
        assertThat(refusal(() -> rules.requireFormation(PartyOrganizationType.BRANCH, Formation.JOINT,
                List.of(org("a", 3, 0), org("b", 1, 0)), false))).isEqualTo(FormationRules.RULE_1_SHOULD_FORM_SINGLE);
        assertThat(refusal(() -> rules.requireFormation(PartyOrganizationType.BRANCH, Formation.AFFILIATED,
                List.of(org("a", 3, 0)), false))).isEqualTo(FormationRules.RULE_1_SHOULD_FORM_SINGLE);
        assertThatCode(() -> rules.requireFormation(PartyOrganizationType.BRANCH, Formation.AFFILIATED,
                List.of(org("a", 2, 0)), false)).doesNotThrowAnyException();
    }

    @Test
    void rule4AGeneralBranchNeedsMoreThanFiftyMembersOrApproval() {
        assertThat(refusal(() -> rules.requireFormation(PartyOrganizationType.GENERAL_BRANCH, Formation.SINGLE,
                List.of(org("a", 40, 10)), false))).isEqualTo(FormationRules.RULE_4_GENERAL_BRANCH);
        assertThatCode(() -> rules.requireFormation(PartyOrganizationType.GENERAL_BRANCH, Formation.SINGLE,
                List.of(org("a", 40, 11)), false)).doesNotThrowAnyException();
        assertThatCode(() -> rules.requireFormation(PartyOrganizationType.GENERAL_BRANCH, Formation.SINGLE,
                List.of(org("a", 40, 10)), true)).doesNotThrowAnyException();
        // A branch above 50 is allowed: coverage flags it OVERSIZED_BRANCH.
        assertThatCode(() -> rules.requireFormation(PartyOrganizationType.BRANCH, Formation.SINGLE,
                List.of(org("a", 60, 0)), false)).doesNotThrowAnyException();
    }

    @Test
    void rule4ACommitteeNeedsAHundredMembers() {
        assertThat(refusal(() -> rules.requireFormation(PartyOrganizationType.COMMITTEE, Formation.SINGLE,
                List.of(org("a", 90, 9)), true))).isEqualTo(FormationRules.RULE_4_COMMITTEE);
        assertThatCode(() -> rules.requireFormation(PartyOrganizationType.COMMITTEE, Formation.SINGLE,
                List.of(org("a", 90, 10)), false)).doesNotThrowAnyException();
    }

    @Test
    void rule5BelowSevenFormalMembersASecretaryAndNoCommittee() {
        Set<String> formal = Set.of("s", "d", "m1", "m2", "m3");
        List<FormationRules.Seat> committee = List.of(new FormationRules.Seat("s", SeatRole.SECRETARY),
                new FormationRules.Seat("m1", SeatRole.MEMBER), new FormationRules.Seat("m2", SeatRole.MEMBER));
        assertThatCode(() -> rules.requireLeadership(6, "s", "d", List.of(), formal::contains)).doesNotThrowAnyException();
        assertThat(refusal(() -> rules.requireLeadership(6, "s", null, committee, formal::contains)))
                .isEqualTo(FormationRules.RULE_5_COMMITTEE);
        assertThatCode(() -> rules.requireLeadership(7, "s", null, committee, formal::contains)).doesNotThrowAnyException();
    }

    @Test
    void rule5ACommitteeHasThreeToSevenSeatsWithOneSecretary() {
        java.util.function.Predicate<String> anyone = id -> true;
        List<FormationRules.Seat> two = List.of(new FormationRules.Seat("s", SeatRole.SECRETARY), new FormationRules.Seat("a", SeatRole.MEMBER));
        assertThat(refusal(() -> rules.requireLeadership(20, "s", null, two, anyone))).isEqualTo(FormationRules.RULE_5_COMMITTEE);
        List<FormationRules.Seat> seven = new ArrayList<>(List.of(new FormationRules.Seat("s", SeatRole.SECRETARY)));
        for (int i = 0; i < 6; i++) {
            seven.add(new FormationRules.Seat("m" + i, SeatRole.MEMBER));
        }
        assertThatCode(() -> rules.requireLeadership(20, "s", null, seven, anyone)).doesNotThrowAnyException();
        List<FormationRules.Seat> eight = new ArrayList<>(seven);
        eight.add(new FormationRules.Seat("m9", SeatRole.MEMBER));
        assertThat(refusal(() -> rules.requireLeadership(20, "s", null, eight, anyone))).isEqualTo(FormationRules.RULE_5_COMMITTEE);
        List<FormationRules.Seat> noSecretary = List.of(new FormationRules.Seat("a", SeatRole.MEMBER),
                new FormationRules.Seat("b", SeatRole.MEMBER), new FormationRules.Seat("c", SeatRole.DEPUTY_SECRETARY));
        assertThat(refusal(() -> rules.requireLeadership(20, null, null, noSecretary, anyone))).isEqualTo(FormationRules.RULE_5_COMMITTEE);
        // The secretary named must hold the SECRETARY seat.
        List<FormationRules.Seat> three = List.of(new FormationRules.Seat("s", SeatRole.SECRETARY),
                new FormationRules.Seat("a", SeatRole.MEMBER), new FormationRules.Seat("b", SeatRole.MEMBER));
        assertThat(refusal(() -> rules.requireLeadership(20, "a", null, three, anyone))).isEqualTo(FormationRules.RULE_5_COMMITTEE);
    }

    @Test
    void rule5LeadersAreFormalMembersOfTheOrganization() {
        assertThat(refusal(() -> rules.requireLeadership(3, "stranger", null, List.of(), Set.of("s")::contains)))
                .isEqualTo(FormationRules.RULE_5_COMMITTEE);
        assertThat(refusal(() -> rules.requireLeadership(3, "s", "s", List.of(), Set.of("s")::contains)))
                .isEqualTo(FormationRules.RULE_5_COMMITTEE);
    }

    @Test
    void rule5TermsRunThreeYearsForBranchesFiveForCommitteesPlusAnApprovedPostponement() {
        LocalDate established = LocalDate.of(2024, 3, 1);
        assertThat(rules.termEndsOn(PartyOrganizationType.BRANCH, established, null, 0)).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(rules.termEndsOn(PartyOrganizationType.GENERAL_BRANCH, established, LocalDate.of(2025, 6, 30), 0))
                .isEqualTo(LocalDate.of(2028, 6, 30));
        assertThat(rules.termEndsOn(PartyOrganizationType.COMMITTEE, established, null, 12)).isEqualTo(LocalDate.of(2030, 3, 1));
        assertThat(refusal(() -> rules.termEndsOn(PartyOrganizationType.BRANCH, established, null, 13)))
                .isEqualTo(FormationRules.RULE_5_POSTPONEMENT);
    }

    @Test
    void rules2And3AJointOrAffiliatedOneCoversOnlyOrganizationsWithMembers() {
        assertThat(refusal(() -> rules.requireFormation(PartyOrganizationType.BRANCH, Formation.AFFILIATED,
                List.of(org("a", 0, 0)), false))).isEqualTo(FormationRules.RULE_2_ORGANIZATION_WITHOUT_MEMBERS);
        assertThat(refusal(() -> rules.requireFormation(PartyOrganizationType.BRANCH, Formation.JOINT,
                List.of(org("a", 2, 0), org("b", 1, 0), org("c", 0, 0)), false)))
                .isEqualTo(FormationRules.RULE_2_ORGANIZATION_WITHOUT_MEMBERS);
        // one probationary member is a member
        assertThatCode(() -> rules.requireFormation(PartyOrganizationType.BRANCH, Formation.AFFILIATED,
                List.of(org("a", 0, 1)), false)).doesNotThrowAnyException();
        assertThatCode(() -> rules.requireFormation(PartyOrganizationType.BRANCH, Formation.JOINT,
                List.of(org("a", 2, 0), org("b", 0, 1), org("c", 1, 0)), false)).doesNotThrowAnyException();
        assertThat(refusal(() -> rules.requireJointAddition(orgs(3, 1), org("x", 0, 0))))
                .isEqualTo(FormationRules.RULE_2_ORGANIZATION_WITHOUT_MEMBERS);
        assertThatThrownBy(() -> rules.requireFormation(PartyOrganizationType.BRANCH, Formation.AFFILIATED,
                List.of(org("a", 0, 0)), false)).hasMessageContaining("instructor").hasMessageContaining("rule 3");
    }

    @Test
    void rule3InstructorsAreForOrganizationsWithoutMembers() {
        assertThatCode(() -> rules.requireWithoutMembers(List.of(org("a", 0, 0)))).doesNotThrowAnyException();
        assertThat(refusal(() -> rules.requireWithoutMembers(List.of(org("a", 0, 0), org("b", 0, 1)))))
                .isEqualTo(FormationRules.RULE_3_INSTRUCTOR);
    }

    @Test
    void jointCoverageChangesKeepRuleTwo() {
        assertThat(refusal(() -> rules.requireJointAddition(orgs(6, 1), org("o5", 1, 0))))
                .isEqualTo(FormationRules.RULE_2_JOINT_ORGANIZATIONS);
        assertThat(refusal(() -> rules.requireJointAddition(orgs(3, 1), org("x", 3, 0))))
                .isEqualTo(FormationRules.RULE_1_SHOULD_FORM_SINGLE);
        assertThat(refusal(() -> rules.requireJointRemoval(List.of(org("a", 2, 0))))).isEqualTo(FormationRules.RULE_2_JOINT_ORGANIZATIONS);
        assertThat(refusal(() -> rules.requireJointRemoval(List.of(org("a", 1, 0), org("b", 1, 0)))))
                .isEqualTo(FormationRules.RULE_2_JOINT_FORMAL_MEMBERS);
        // What leaves is often an organization that grew; the rest may include one at the single minimum meanwhile.
        assertThatCode(() -> rules.requireJointRemoval(List.of(org("a", 3, 0), org("b", 1, 0)))).doesNotThrowAnyException();
    }
}
