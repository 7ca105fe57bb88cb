package org.partybuilding.branch.partyorganization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.partybuilding.branch.BranchApiTestBase;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.EventType;
import org.partybuilding.events.PartyOrganizationSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.TestTokens;
import org.partybuilding.platform.test.TopicRecords;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * {@code POST/GET /api/branches}: establishing checks rules 1, 2 and 4 against the member counts built from member
 * events, at their boundaries; refusals store nothing and publish nothing.
 */
class PartyOrganizationApiTest extends BranchApiTestBase {

    @Test
    void aSingleWithThreeFormalMembersIsEstablishedWithItsEvent() {
        register("pa-single", "GUANGTA");
        members("pa-single", "GUANGTA", 3, 1);

        Map<String, Object> body = establishment("越秀区乐群社工服务社党支部", "BRANCH", "SINGLE", "GUANGTA", "pa-single");
        body.put("industry", "SOCIAL_SERVICE");
        var result = establish(body, bearer(Role.COMMITTEE_ADMIN)).expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).startsWith("/api/branches/"))
                .expectBody()
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.status").isEqualTo("ACTIVE")
                .jsonPath("$.formation").isEqualTo("SINGLE")
                .jsonPath("$.organizationIds[0]").isEqualTo("pa-single")
                .jsonPath("$.termEndsOn").isEqualTo("2028-03-01")
                .jsonPath("$.rating").isEqualTo("UNRATED")
                .jsonPath("$.meetsSixHaves").isEqualTo(false)
                .jsonPath("$.members.formal").isEqualTo(0)
                .returnResult();
        String id = new String(result.getResponseBody()).replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        List<ConsumerRecord<String, byte[]>> published = TopicRecords.await(broker, Topics.BRANCH_PARTY_ORGANIZATIONS, id, 1);
        assertThat(new String(published.get(0).headers().lastHeader("ce_type").value()))
                .isEqualTo(EventType.PARTY_ORGANIZATION_ESTABLISHED.ceType());
        PartyOrganizationSnapshot snapshot = EventCodec.decode(published.get(0).value(), PartyOrganizationSnapshot.class);
        assertThat(snapshot.version()).isEqualTo(1);
        assertThat(snapshot.organizationIds()).containsExactly("pa-single");
        assertThat(snapshot.formation()).isEqualTo("SINGLE");
        assertThat(snapshot.status()).isEqualTo("ACTIVE");
        assertThat(snapshot.street()).isEqualTo("GUANGTA");

        // member-service then assigns the members: the read shows them from its events.
        for (int i = 0; i < 4; i++) {
            events.publish(EventType.MEMBER_UPDATED, member("pa-single-m" + i, 2, "pa-single", "GUANGTA",
                    i < 3 ? "FORMAL" : "PROBATIONARY", "ACTIVE", id));
        }
        await().atMost(PATIENCE).untilAsserted(() -> get("/api/branches/" + id, bearer(Role.AUDITOR)).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().jsonPath("$.members.formal").isEqualTo(3).jsonPath("$.members.probationary").isEqualTo(1));
    }

    @Test
    void rule1TwoFormalMembersAreNotEnoughForASingleAndNothingIsStored() {
        register("pa-two", "GUANGTA");
        members("pa-two", "GUANGTA", 2, 3);
        establish(establishment("两名党员党支部", "BRANCH", "SINGLE", "GUANGTA", "pa-two"), bearer(Role.DISTRICT_ADMIN))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.rule").isEqualTo(FormationRules.RULE_1_SINGLE_FORMAL_MEMBERS)
                .jsonPath("$.facts.formalMembers").isEqualTo(2)
                .jsonPath("$.facts.probationaryMembers").isEqualTo(3)
                .jsonPath("$.facts.required").isEqualTo(3)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("has 2"));
        assertThat(partyOrganizationsCovering("pa-two")).isZero();
    }

    @Test
    void rule2AJointOfFiveIsEstablishedButNotOfSixNorBelowThreeFormalMembers() {
        String[] six = {"pj-1", "pj-2", "pj-3", "pj-4", "pj-5", "pj-6"};
        for (String id : six) {
            register(id, "LIURONG");
            members(id, "LIURONG", 1, 0);
        }
        establish(establishment("六组织联合党支部", "BRANCH", "JOINT", "LIURONG", six), bearer(Role.DISTRICT_ADMIN))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo(FormationRules.RULE_2_JOINT_ORGANIZATIONS)
                .jsonPath("$.facts.organizations").isEqualTo(6);
        establish(establishment("两组织联合党支部", "BRANCH", "JOINT", "LIURONG", "pj-1", "pj-2"), bearer(Role.DISTRICT_ADMIN))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo(FormationRules.RULE_2_JOINT_FORMAL_MEMBERS)
                .jsonPath("$.facts.formalMembers").isEqualTo(2);
        assertThat(partyOrganizationsCovering("pj-1")).isZero();

        establish(establishment("五组织联合党支部", "BRANCH", "JOINT", "LIURONG", "pj-1", "pj-2", "pj-3", "pj-4", "pj-5"),
                bearer(Role.DISTRICT_ADMIN)).expectStatus().isCreated()
                .expectBody().jsonPath("$.organizationIds.length()").isEqualTo(5);
        // An organization is covered once: the sixth joins only by the joint's own endpoint, the others not again.
        establish(establishment("重复联合党支部", "BRANCH", "JOINT", "LIURONG", "pj-5", "pj-6"), bearer(Role.DISTRICT_ADMIN))
                .expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void rule4AGeneralBranchNeedsFiftyOneMembersOrApprovalAndACommitteeAHundred() {
        register("pg-50", "LIURONG");
        members("pg-50", "LIURONG", 45, 5);
        register("pg-51", "LIURONG");
        members("pg-51", "LIURONG", 45, 6);
        establish(establishment("五十人党总支", "GENERAL_BRANCH", "SINGLE", "LIURONG", "pg-50"), bearer(Role.DISTRICT_ADMIN))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo(FormationRules.RULE_4_GENERAL_BRANCH).jsonPath("$.facts.members").isEqualTo(50);
        establish(establishment("五十一人党总支", "GENERAL_BRANCH", "SINGLE", "LIURONG", "pg-51"), bearer(Role.DISTRICT_ADMIN))
                .expectStatus().isCreated();
        Map<String, Object> approved = establishment("批准的党总支", "GENERAL_BRANCH", "SINGLE", "LIURONG", "pg-50");
        approved.put("approvedBySuperior", true);
        establish(approved, bearer(Role.DISTRICT_ADMIN)).expectStatus().isCreated()
                .expectBody().jsonPath("$.approvedBySuperior").isEqualTo(true);

        register("pc-99", "LIURONG");
        members("pc-99", "LIURONG", 90, 9);
        register("pc-100", "LIURONG");
        members("pc-100", "LIURONG", 90, 10);
        establish(establishment("九十九人党委", "COMMITTEE", "SINGLE", "LIURONG", "pc-99"), bearer(Role.DISTRICT_ADMIN))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo(FormationRules.RULE_4_COMMITTEE).jsonPath("$.facts.members").isEqualTo(99);
        establish(establishment("百人党委", "COMMITTEE", "SINGLE", "LIURONG", "pc-100"), bearer(Role.DISTRICT_ADMIN))
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.termEndsOn").isEqualTo("2030-03-01");
    }

    @Test
    void aRacingEstablishmentsClaimBlocksButOneLeftByACrashExpires() {
        register("pa-claimed", "GUANGTA");
        members("pa-claimed", "GUANGTA", 3, 0);
        register("pa-crashed", "GUANGTA");
        members("pa-crashed", "GUANGTA", 3, 0);
        // Another request has just claimed the organization and is about to write its party organization.
        mongo.insert(new org.bson.Document("_id", "pa-claimed").append("partyOrganizationId", "po-racing")
                .append("at", java.time.Instant.now()), CoverageClaims.COLLECTION).block();
        establish(establishment("抢先党支部", "BRANCH", "SINGLE", "GUANGTA", "pa-claimed"), bearer(Role.DISTRICT_ADMIN))
                .expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("po-racing"));
        assertThat(partyOrganizationsCovering("pa-claimed")).isZero();
        // A claim whose party organization was never written (the request crashed) holds only for a while.
        mongo.insert(new org.bson.Document("_id", "pa-crashed").append("partyOrganizationId", "po-crashed")
                .append("at", java.time.Instant.now().minus(CoverageClaims.PENDING).minusSeconds(1)), CoverageClaims.COLLECTION).block();
        establish(establishment("接手党支部", "BRANCH", "SINGLE", "GUANGTA", "pa-crashed"), bearer(Role.DISTRICT_ADMIN))
                .expectStatus().isCreated();
    }

    @Test
    void invalidInputIs400NamingEachFieldAndNothingIsStored() {
        Map<String, Object> body = establishment(" ", "BRANCH", "SINGLE", "ATLANTIS", "pa-unknown");
        establish(body, bearer(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field == 'name')]").exists();
        establish(establishment("未知组织党支部", "BRANCH", "SINGLE", "GUANGTA", "pa-unknown"), bearer(Role.DISTRICT_ADMIN))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("organizationIds[0]");
        establish(Map.of("name", "x", "type", "CLUB", "formation", "SINGLE"), bearer(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> future = establishment("未来党支部", "BRANCH", "SINGLE", "GUANGTA", "pa-unknown");
        future.put("establishedOn", "2999-01-01");
        establish(future, bearer(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("establishedOn");
        assertThat(partyOrganizationsCovering("pa-unknown")).isZero();
    }

    @Test
    void rolesAndStreetScope() {
        register("ps-scope", "MEIHUACUN");
        members("ps-scope", "MEIHUACUN", 3, 0);
        Map<String, Object> body = establishment("梅花村党支部", "BRANCH", "SINGLE", "MEIHUACUN", "ps-scope");
        establish(body, bearer(Role.FINANCE)).expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        establish(body, bearer(Role.AUDITOR)).expectStatus().isForbidden();
        establish(body, secretaryOf("po-x")).expectStatus().isForbidden();
        establish(body, streetAdmin("JIANSHE")).expectStatus().isForbidden();
        web.post().uri("/api/branches").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isUnauthorized();
        // A street admin may not reach into another street through the organizations either.
        Map<String, Object> elsewhere = establishment("借名党支部", "BRANCH", "SINGLE", "JIANSHE", "ps-scope");
        establish(elsewhere, streetAdmin("JIANSHE")).expectStatus().isForbidden();
        assertThat(partyOrganizationsCovering("ps-scope")).isZero();

        String id = establish(body, streetAdmin("MEIHUACUN")).expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("id").toString();
        get("/api/branches/" + id, streetAdmin("MEIHUACUN")).expectStatus().isOk();
        get("/api/branches/" + id, streetAdmin("JIANSHE")).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        get("/api/branches/" + id, secretaryOf(id)).expectStatus().isOk();
        get("/api/branches/" + id, secretaryOf("another")).expectStatus().isNotFound();
        get("/api/branches/" + id, bearer(Role.FINANCE)).expectStatus().isForbidden();
        get("/api/branches/unknown", bearer(Role.DISTRICT_ADMIN)).expectStatus().isNotFound();
    }

    @Test
    void listsFilterWithinTheCallersScope() {
        register("pl-1", "HUANGHUAGANG");
        members("pl-1", "HUANGHUAGANG", 3, 0);
        register("pl-2", "HUANGHUAGANG");
        members("pl-2", "HUANGHUAGANG", 1, 0);
        register("pl-3", "HUANGHUAGANG");
        members("pl-3", "HUANGHUAGANG", 2, 0);
        String single = established(establishment("黄花岗甲党支部", "BRANCH", "SINGLE", "HUANGHUAGANG", "pl-1"));
        String joint = established(establishment("黄花岗联合党支部", "BRANCH", "JOINT", "HUANGHUAGANG", "pl-2", "pl-3"));

        get("/api/branches?street=HUANGHUAGANG", bearer(Role.AUDITOR)).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(2).jsonPath("$.items.length()").isEqualTo(2).jsonPath("$.page").isEqualTo(0);
        get("/api/branches?street=HUANGHUAGANG&formation=JOINT", bearer(Role.AUDITOR)).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(joint);
        get("/api/branches?organizationId=pl-1", bearer(Role.AUDITOR)).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].id").isEqualTo(single);
        get("/api/branches?street=HUANGHUAGANG&rating=WEAK", bearer(Role.AUDITOR)).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(0);
        // q: the name contains it, taken literally (no pattern), within the caller's scope
        get("/api/branches?q=黄花岗甲", bearer(Role.AUDITOR)).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(single);
        get("/api/branches?q=黄花岗&street=HUANGHUAGANG", bearer(Role.AUDITOR)).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(2);
        get("/api/branches?q=黄花岗.*党支部", bearer(Role.AUDITOR)).expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        get("/api/branches?q=联合", streetAdmin("HUANGHUAGANG")).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(joint);
        get("/api/branches?q=黄花岗", secretaryOf(single)).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(single);
        get("/api/branches?street=HUANGHUAGANG&status=DISSOLVED&type=BRANCH", bearer(Role.AUDITOR)).expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0);
        get("/api/branches", streetAdmin("HUANGHUAGANG")).expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(2);
        get("/api/branches?street=GUANGTA", streetAdmin("HUANGHUAGANG")).expectStatus().isForbidden();
        get("/api/branches", secretaryOf(single)).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(single);
        get("/api/branches", bearer(Role.FINANCE)).expectStatus().isForbidden();
        get("/api/branches?type=CLUB", bearer(Role.AUDITOR)).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        get("/api/branches?size=500", bearer(Role.AUDITOR)).expectStatus().isBadRequest();
        String noParty = TestTokens.bearer(TestTokens.builder().role(Role.BRANCH_SECRETARY).build());
        get("/api/branches", noParty).expectStatus().isForbidden();
    }
}
