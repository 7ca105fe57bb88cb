package org.partybuilding.branch.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partybuilding.branch.BranchApiTestBase;
import org.partybuilding.platform.security.Role;
import org.springframework.http.MediaType;

/** {@code GET /api/branches/coverage/joint-plan} over organizations with members from member events (street ZHUGUANG). */
class JointPlanApiTest extends BranchApiTestBase {

    @Test
    void everyCandidateIsProposedOnceOrSaysWhyNot() {
        register("jp-e1", "ZHUGUANG", "EDUCATION");
        register("jp-e2", "ZHUGUANG", "EDUCATION");
        register("jp-e3", "ZHUGUANG", "EDUCATION");
        register("jp-h1", "ZHUGUANG", "HEALTH");
        register("jp-h2", "ZHUGUANG", "HEALTH");
        register("jp-single", "ZHUGUANG", "HEALTH");
        register("jp-covered", "ZHUGUANG", "HEALTH");
        register("jp-covered2", "ZHUGUANG", "HEALTH");
        register("jp-alone", "BAIYUN", "CULTURE");
        members("jp-e1", "ZHUGUANG", 1, 0);
        members("jp-e2", "ZHUGUANG", 1, 1);
        members("jp-e3", "ZHUGUANG", 1, 0);
        members("jp-h1", "ZHUGUANG", 2, 0);
        members("jp-h2", "ZHUGUANG", 2, 0);
        members("jp-single", "ZHUGUANG", 3, 0);      // should form its own: not a candidate
        members("jp-covered", "ZHUGUANG", 2, 0);     // already in a joint: not a candidate
        members("jp-covered2", "ZHUGUANG", 1, 0);
        members("jp-alone", "BAIYUN", 2, 0);
        established(establishment("珠光联合党支部", "BRANCH", "JOINT", "ZHUGUANG", "jp-covered", "jp-covered2"));

        JointPlan plan = get("/api/branches/coverage/joint-plan?street=ZHUGUANG", bearer(Role.AUDITOR)).expectStatus().isOk()
                .expectBody(JointPlan.class).returnResult().getResponseBody();
        assertThat(plan.candidates()).isEqualTo(5);
        assertThat(plan.proposedOrganizations()).isEqualTo(5);
        assertThat(plan.cannotBeGrouped()).isEmpty();
        assertThat(plan.proposals()).hasSize(2);
        assertThat(plan.proposals().get(0)).satisfies(p -> {
            assertThat(p.industry()).isEqualTo("EDUCATION");
            assertThat(p.streetName()).isEqualTo("珠光");
            assertThat(p.formalMembers()).isEqualTo(3);
            assertThat(p.probationaryMembers()).isEqualTo(1);
            assertThat(p.organizations()).extracting(JointPlan.Organization::organizationId).containsExactly("jp-e1", "jp-e2", "jp-e3");
        });
        assertThat(plan.proposals().get(1)).satisfies(p -> {
            assertThat(p.industry()).isEqualTo("HEALTH");
            assertThat(p.formalMembers()).isEqualTo(4);
        });
        List<String> seen = new ArrayList<>();
        plan.proposals().forEach(p -> {
            assertThat(p.organizationCount()).isBetween(2, 5);
            assertThat(p.formalMembers()).isGreaterThanOrEqualTo(3);
            p.organizations().forEach(o -> seen.add(o.organizationId()));
        });
        assertThat(seen).doesNotHaveDuplicates().doesNotContain("jp-single", "jp-covered", "jp-covered2");

        JointPlan baiyun = get("/api/branches/coverage/joint-plan?street=BAIYUN", bearer(Role.AUDITOR)).expectStatus().isOk()
                .expectBody(JointPlan.class).returnResult().getResponseBody();
        assertThat(baiyun.proposals()).isEmpty();
        assertThat(baiyun.cannotBeGrouped()).singleElement().satisfies(u -> {
            assertThat(u.organizationId()).isEqualTo("jp-alone");
            assertThat(u.reason()).isEqualTo(JointPlanner.Reason.ALONE_IN_STREET);
        });

        // Scope: a street admin's own street only; finance and secretaries not at all; an unknown street is 400.
        JointPlan own = get("/api/branches/coverage/joint-plan", streetAdmin("ZHUGUANG")).expectStatus().isOk()
                .expectBody(JointPlan.class).returnResult().getResponseBody();
        assertThat(own.candidates()).isEqualTo(5);
        get("/api/branches/coverage/joint-plan?street=BAIYUN", streetAdmin("ZHUGUANG")).expectStatus().isForbidden();
        get("/api/branches/coverage/joint-plan", bearer(Role.FINANCE)).expectStatus().isForbidden();
        get("/api/branches/coverage/joint-plan", secretaryOf("po")).expectStatus().isForbidden();
        get("/api/branches/coverage/joint-plan?street=ATLANTIS", bearer(Role.AUDITOR)).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("street");
    }
}
