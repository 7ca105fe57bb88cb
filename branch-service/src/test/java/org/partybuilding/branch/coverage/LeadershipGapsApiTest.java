package org.partybuilding.branch.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.branch.BranchApiTestBase;
import org.partybuilding.branch.standardization.StandardizationReport;
import org.partybuilding.events.EventType;
import org.partybuilding.platform.security.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Rule 5's gaps (street DADONG): {@code COMMITTEE_NOT_ELECTED} for a party organization with 7+ formal members
 * and no elected committee, {@code SECRETARY_MISSING} for one without a secretary, in coverage's gap list and in
 * standardization alike, gone once the committee and the secretary are elected.
 */
class LeadershipGapsApiTest extends BranchApiTestBase {

    private List<String> partyOrganizationGaps(String partyOrganizationId) {
        CoverageReport report = get("/api/branches/coverage?street=DADONG", bearer(Role.AUDITOR)).expectStatus().isOk()
                .expectBody(CoverageReport.class).returnResult().getResponseBody();
        return report.gaps().stream().filter(g -> partyOrganizationId.equals(g.partyOrganizationId()) && g.organizationId() == null)
                .map(g -> g.reason().name()).toList();
    }

    private StandardizationReport standardization() {
        return get("/api/branches/standardization?street=DADONG", bearer(Role.AUDITOR)).expectStatus().isOk()
                .expectBody(StandardizationReport.class).returnResult().getResponseBody();
    }

    private String singleWithMembers(String organizationId, int formal) {
        register(organizationId, "DADONG");
        List<String> members = members(organizationId, "DADONG", formal, 0);
        String id = established(establishment("党支部" + organizationId, "BRANCH", "SINGLE", "DADONG", organizationId));
        members.forEach(m -> events.publish(EventType.MEMBER_UPDATED, member(m, 2, organizationId, "DADONG", "FORMAL",
                "ACTIVE", id)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(memberCounts.ofPartyOrganization(id).block().formal()).isEqualTo(formal));
        return id;
    }

    @Test
    void withoutCommitteeAndSecretaryThePartyOrganizationsAreGapsInCoverageAndStandardizationUntilElected() {
        String nine = singleWithMembers("lg-nine", 9);
        String three = singleWithMembers("lg-three", 3);

        assertThat(partyOrganizationGaps(nine)).containsExactly("COMMITTEE_NOT_ELECTED", "SECRETARY_MISSING");
        assertThat(partyOrganizationGaps(three)).containsExactly("SECRETARY_MISSING");
        StandardizationReport before = standardization();
        assertThat(before.leadershipGaps()).containsEntry("COMMITTEE_NOT_ELECTED", 1).containsEntry("SECRETARY_MISSING", 2);
        assertThat(before.committeeNotElected()).singleElement().satisfies(line -> {
            assertThat(line.partyOrganizationId()).isEqualTo(nine);
            assertThat(line.formalMembers()).isEqualTo(9);
        });
        assertThat(before.secretaryMissing()).extracting(StandardizationReport.Line::partyOrganizationId)
                .containsExactlyInAnyOrder(nine, three);

        // The nine elect a committee with its secretary; the three name a secretary.
        web.patch().uri("/api/branches/" + nine).header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("electedOn", "2026-01-10", "committee", List.of(Map.of("memberId", "lg-nine-m0", "role", "SECRETARY"),
                        Map.of("memberId", "lg-nine-m1", "role", "MEMBER"), Map.of("memberId", "lg-nine-m2", "role", "MEMBER"))))
                .exchange().expectStatus().isOk();
        web.patch().uri("/api/branches/" + three).header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("secretary", "lg-three-m0")).exchange().expectStatus().isOk();

        assertThat(partyOrganizationGaps(nine)).isEmpty();
        assertThat(partyOrganizationGaps(three)).isEmpty();
        StandardizationReport after = standardization();
        assertThat(after.leadershipGaps()).containsEntry("COMMITTEE_NOT_ELECTED", 0).containsEntry("SECRETARY_MISSING", 0);
        assertThat(after.committeeNotElected()).isEmpty();
        assertThat(after.secretaryMissing()).isEmpty();
    }
}
