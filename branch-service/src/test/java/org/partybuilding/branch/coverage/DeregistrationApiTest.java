package org.partybuilding.branch.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.partybuilding.branch.BranchApiTestBase;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.EventType;
import org.partybuilding.events.PartyOrganizationSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.TopicRecords;

/** Rule 6: what deregistration in the registry does to single and joint party organizations, automatically and once. */
class DeregistrationApiTest extends BranchApiTestBase {

    private CoverageReport beijing() {
        return get("/api/branches/coverage?street=BEIJING", bearer(Role.AUDITOR)).expectStatus().isOk()
                .expectBody(CoverageReport.class).returnResult().getResponseBody();
    }

    @Test
    void aSingleStaysActiveAndIsFlaggedWithItsMembersToTransfer() {
        register("d-single", "BEIJING");
        members("d-single", "BEIJING", 4, 1);
        String single = established(establishment("北京街甲党支部", "BRANCH", "SINGLE", "BEIJING", "d-single"));

        deregister("d-single", "BEIJING");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(beijing().gaps()).anySatisfy(g -> {
            assertThat(g.reason()).isEqualTo(GapReason.DEREGISTERED_WITH_ACTIVE_PARTY_ORGANIZATION);
            assertThat(g.organizationId()).isEqualTo("d-single");
            assertThat(g.partyOrganizationId()).isEqualTo(single);
            assertThat(g.membersToTransfer()).isEqualTo(5);
        }));
        // Dissolved by procedure, not by the system: still active, still version 1.
        get("/api/branches/" + single, bearer(Role.AUDITOR)).expectBody().jsonPath("$.status").isEqualTo("ACTIVE")
                .jsonPath("$.version").isEqualTo(1);
        web.post().uri("/api/branches/" + single + "/dissolution").header("Authorization", bearer(Role.DISTRICT_ADMIN))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("date", "2026-01-05", "reason", "组织注销")).exchange().expectStatus().isOk();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(beijing().gaps())
                .noneMatch(g -> "d-single".equals(g.organizationId())));
    }

    @Test
    void aJointDropsTheOrganizationOnceAndIsFlaggedBelowThree() {
        register("d-j1", "BEIJING");
        register("d-j2", "BEIJING");
        register("d-j3", "BEIJING");
        members("d-j1", "BEIJING", 2, 0);
        members("d-j2", "BEIJING", 1, 0);
        members("d-j3", "BEIJING", 1, 0);
        String joint = established(establishment("北京街联合党支部", "BRANCH", "JOINT", "BEIJING", "d-j1", "d-j2", "d-j3"));

        deregister("d-j1", "BEIJING");
        await().atMost(PATIENCE).untilAsserted(() -> get("/api/branches/" + joint, bearer(Role.AUDITOR)).expectBody()
                .jsonPath("$.organizationIds.length()").isEqualTo(2).jsonPath("$.version").isEqualTo(2));
        List<ConsumerRecord<String, byte[]>> published = TopicRecords.await(broker, Topics.BRANCH_PARTY_ORGANIZATIONS, joint, 2);
        assertThat(new String(published.get(1).headers().lastHeader("ce_type").value()))
                .isEqualTo(EventType.PARTY_ORGANIZATION_UPDATED.ceType());
        assertThat(EventCodec.decode(published.get(1).value(), PartyOrganizationSnapshot.class).organizationIds())
                .containsExactly("d-j2", "d-j3");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(beijing().gaps()).anySatisfy(g -> {
            assertThat(g.reason()).isEqualTo(GapReason.JOINT_BELOW_THREE);
            assertThat(g.partyOrganizationId()).isEqualTo(joint);
        }));

        // Redelivered and replayed: nothing more happens.
        events.publish(EventType.ORGANIZATION_DEREGISTERED, organization("d-j1", 2, "BEIJING", "EDUCATION", "SOCIAL_GROUP",
                "越秀区民政局", "DEREGISTERED"));
        events.publish(EventType.ORGANIZATION_REGISTERED, organization("d-j1", 1, "BEIJING", "EDUCATION", "SOCIAL_GROUP",
                "越秀区民政局", "ACTIVE"));
        register("d-marker", "BEIJING");
        get("/api/branches/" + joint, bearer(Role.AUDITOR)).expectBody()
                .jsonPath("$.organizationIds.length()").isEqualTo(2).jsonPath("$.version").isEqualTo(2);
    }
}
