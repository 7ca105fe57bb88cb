package org.partybuilding.branch.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.RepeatedTest;
import org.partybuilding.branch.coverage.JointPlanner.Candidate;
import org.partybuilding.branch.coverage.JointPlanner.Plan;
import org.partybuilding.branch.coverage.JointPlanner.Proposal;
import org.partybuilding.branch.coverage.JointPlanner.Reason;

/** The joint plan's invariants: each candidate exactly once, proposals of 3+ formal members and at most 5 organizations, one street each. */
class JointPlannerTest {

    private final JointPlanner planner = new JointPlanner(3, 5);

    private static Candidate c(String id, String street, String industry, int formal) {
        return new Candidate(id, "组织" + id, street, industry, formal, 0);
    }

    private static void assertInvariants(List<Candidate> candidates, Plan plan) {
        List<String> seen = new ArrayList<>();
        for (Proposal p : plan.proposals()) {
            assertThat(p.organizations()).hasSizeBetween(2, 5);
            assertThat(p.formalMembers()).isGreaterThanOrEqualTo(3)
                    .isEqualTo(p.organizations().stream().mapToInt(Candidate::formalMembers).sum());
            assertThat(p.organizations()).allSatisfy(o -> assertThat(o.street()).isEqualTo(p.street()));
            p.organizations().forEach(o -> seen.add(o.organizationId()));
        }
        plan.cannotBeGrouped().forEach(u -> seen.add(u.organization().organizationId()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(candidates.stream().map(Candidate::organizationId).toList());
    }

    @Test
    void groupsByIndustryFirstWithinAStreet() {
        List<Candidate> candidates = List.of(
                c("e1", "S", "EDUCATION", 1), c("e2", "S", "EDUCATION", 1), c("e3", "S", "EDUCATION", 1),
                c("h1", "S", "HEALTH", 2), c("h2", "S", "HEALTH", 1));
        Plan plan = planner.plan(candidates);
        assertInvariants(candidates, plan);
        assertThat(plan.proposals()).hasSize(2);
        assertThat(plan.proposals().get(0).industry()).isEqualTo("EDUCATION");
        assertThat(plan.proposals().get(0).formalMembers()).isEqualTo(3);
        assertThat(plan.proposals().get(1).industry()).isEqualTo("HEALTH");
        assertThat(plan.cannotBeGrouped()).isEmpty();
    }

    @Test
    void leftoversOfIndustriesAreGroupedAcrossIndustriesOfTheStreet() {
        List<Candidate> candidates = List.of(c("e1", "S", "EDUCATION", 1), c("h1", "S", "HEALTH", 1), c("c1", "S", "CULTURE", 1));
        Plan plan = planner.plan(candidates);
        assertInvariants(candidates, plan);
        assertThat(plan.proposals()).singleElement().satisfies(p -> {
            assertThat(p.industry()).isNull();
            assertThat(p.organizations()).hasSize(3);
        });
    }

    @Test
    void aLeftoverJoinsAProposalWithRoomOrSplitsAFullOne() {
        List<Candidate> withRoom = List.of(c("e1", "S", "EDUCATION", 1), c("e2", "S", "EDUCATION", 1), c("e3", "S", "EDUCATION", 1),
                c("h1", "S", "HEALTH", 1));
        Plan roomy = planner.plan(withRoom);
        assertInvariants(withRoom, roomy);
        assertThat(roomy.proposals()).singleElement().satisfies(p -> assertThat(p.organizations()).hasSize(4));

        List<Candidate> full = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            full.add(c("e" + i, "S", "EDUCATION", 1));
        }
        full.add(c("h1", "S", "HEALTH", 1));
        Plan split = planner.plan(full);
        assertInvariants(full, split);
        assertThat(split.proposals()).hasSize(2).allSatisfy(p -> assertThat(p.organizations()).hasSize(3));
    }

    @Test
    void neverAcrossStreetsAndWhatCannotBeGroupedSaysWhy() {
        List<Candidate> candidates = List.of(c("a", "ONE", "EDUCATION", 2),
                c("b1", "TWO", "EDUCATION", 1), c("b2", "TWO", "HEALTH", 1),
                c("x1", "THREE", "EDUCATION", 2), c("x2", "THREE", "HEALTH", 1));
        Plan plan = planner.plan(candidates);
        assertInvariants(candidates, plan);
        assertThat(plan.proposals()).singleElement().satisfies(p -> assertThat(p.street()).isEqualTo("THREE"));
        assertThat(plan.cannotBeGrouped()).extracting(u -> u.organization().organizationId() + ":" + u.reason())
                .containsExactly("a:" + Reason.ALONE_IN_STREET, "b1:" + Reason.TOO_FEW_FORMAL_MEMBERS_IN_STREET,
                        "b2:" + Reason.TOO_FEW_FORMAL_MEMBERS_IN_STREET);
    }

    @RepeatedTest(50)
    void randomDistrictsKeepTheInvariants() {
        Random random = new Random();
        List<Candidate> candidates = new ArrayList<>();
        String[] industries = {"EDUCATION", "HEALTH", "CULTURE", "SPORTS"};
        int n = random.nextInt(200);
        for (int i = 0; i < n; i++) {
            candidates.add(c("o" + i, "S" + random.nextInt(6), industries[random.nextInt(industries.length)], 1 + random.nextInt(2)));
        }
        Plan plan = planner.plan(candidates);
        assertInvariants(candidates, plan);
        // Only a street with no proposal leaves candidates out: one alone, or two with too few formal members together.
        Set<String> streetsWithProposals = new HashSet<>();
        plan.proposals().forEach(p -> streetsWithProposals.add(p.street()));
        plan.cannotBeGrouped().forEach(u -> assertThat(streetsWithProposals).doesNotContain(u.organization().street()));
        assertThat(plan.cannotBeGrouped().stream().filter(u -> u.organization().street().equals("S0")).count()).isLessThanOrEqualTo(2);
    }
}
