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
import org.partybuilding.platform.test.TopicRecords;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code PUT/PATCH /api/branches/{id}} with {@code If-Match} (rule 5, six haves, rating), a joint organization's
 * coverage, and dissolution.
 */
class PartyOrganizationChangeApiTest extends BranchApiTestBase {

    private WebTestClient.ResponseSpec put(String id, Object body, String ifMatch, String bearer) {
        var request = web.put().uri("/api/branches/" + id).header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec patch(String id, Object body, String ifMatch, String bearer) {
        var request = web.patch().uri("/api/branches/" + id).header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.valueOf("application/merge-patch+json"));
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.bodyValue(body).exchange();
    }

    /** A single party organization over an organization with {@code formal} formal members, all assigned to it. */
    private String singleWithMembers(String organizationId, String street, int formal) {
        register(organizationId, street);
        List<String> members = members(organizationId, street, formal, 0);
        String id = established(establishment("党支部" + organizationId, "BRANCH", "SINGLE", street, organizationId));
        members.forEach(m -> events.publish(EventType.MEMBER_UPDATED, member(m, 2, organizationId, street, "FORMAL", "ACTIVE", id)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(memberCounts.ofPartyOrganization(id).block().formal()).isEqualTo(formal));
        return id;
    }

    @Test
    void rule5SevenFormalMembersElectACommitteeSixHaveASecretaryOnly() {
        String seven = singleWithMembers("pu-seven", "GUANGTA", 7);
        Map<String, Object> committee = Map.of("name", "七人党支部", "electedOn", "2025-06-30",
                "committee", List.of(Map.of("memberId", "pu-seven-m0", "role", "SECRETARY"),
                        Map.of("memberId", "pu-seven-m1", "role", "DEPUTY_SECRETARY"), Map.of("memberId", "pu-seven-m2", "role", "MEMBER")),
                "sixHaves", Map.of("plaque", true, "flag", true, "activityRoom", true, "archiveCabinet", true, "avEquipment", true,
                        "publicityBoard", true),
                "rating", "MODEL");
        put(seven, committee, "\"1\"", bearer(Role.COMMITTEE_ADMIN)).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody()
                .jsonPath("$.secretary").isEqualTo("pu-seven-m0")
                .jsonPath("$.committee.length()").isEqualTo(3)
                .jsonPath("$.termEndsOn").isEqualTo("2028-06-30")
                .jsonPath("$.meetsSixHaves").isEqualTo(true)
                .jsonPath("$.rating").isEqualTo("MODEL");
        List<ConsumerRecord<String, byte[]>> published = TopicRecords.await(broker, Topics.BRANCH_PARTY_ORGANIZATIONS, seven, 2);
        PartyOrganizationSnapshot updated = EventCodec.decode(published.get(1).value(), PartyOrganizationSnapshot.class);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.secretaryMemberId()).isEqualTo("pu-seven-m0");
        assertThat(updated.committee()).extracting(PartyOrganizationSnapshot.CommitteeSeat::role)
                .containsExactly("SECRETARY", "DEPUTY_SECRETARY", "MEMBER");

        String six = singleWithMembers("pu-six", "GUANGTA", 6);
        Map<String, Object> sixCommittee = Map.of("name", "六人党支部",
                "committee", List.of(Map.of("memberId", "pu-six-m0", "role", "SECRETARY"),
                        Map.of("memberId", "pu-six-m1", "role", "MEMBER"), Map.of("memberId", "pu-six-m2", "role", "MEMBER")));
        put(six, sixCommittee, "\"1\"", bearer(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo(FormationRules.RULE_5_COMMITTEE).jsonPath("$.facts.formalMembers").isEqualTo(6);
        put(six, Map.of("name", "六人党支部", "secretary", "pu-six-m0", "deputySecretary", "pu-six-m1"), "\"1\"",
                bearer(Role.DISTRICT_ADMIN)).expectStatus().isOk()
                .expectBody().jsonPath("$.secretary").isEqualTo("pu-six-m0").jsonPath("$.deputySecretary").isEqualTo("pu-six-m1");
        // A secretary who is not a formal member of this party organization is refused.
        patch(six, Map.of("secretary", "pu-seven-m3"), "\"2\"", bearer(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo(FormationRules.RULE_5_COMMITTEE);
        get("/api/branches/" + six, bearer(Role.AUDITOR)).expectBody().jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.secretary").isEqualTo("pu-six-m0");
    }

    @Test
    void ifMatchIsRequiredAndMustBeCurrent() {
        String id = singleWithMembers("pu-version", "GUANGTA", 3);
        Map<String, Object> body = Map.of("name", "改名党支部");
        put(id, body, null, bearer(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(428)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        patch(id, body, null, bearer(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(428);
        put(id, body, "\"7\"", bearer(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        put(id, Map.of("name", ""), "\"1\"", bearer(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        patch(id, Map.of("electedOn", "2999-01-01"), "\"1\"", bearer(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("electedOn");
        patch(id, Map.of("electionPostponedMonths", 13), "\"1\"", bearer(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo(FormationRules.RULE_5_POSTPONEMENT);
        get("/api/branches/" + id, bearer(Role.AUDITOR)).expectBody().jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.name").isEqualTo("党支部pu-version");

        patch(id, Map.of("electionPostponedMonths", 12, "rating", "WEAK"), "\"1\"", bearer(Role.DISTRICT_ADMIN)).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.termEndsOn").isEqualTo("2029-03-01").jsonPath("$.rating").isEqualTo("WEAK")
                .jsonPath("$.name").isEqualTo("党支部pu-version");
    }

    @Test
    void aBranchSecretaryTicksItsOwnSixHavesAndNothingElse() {
        String id = singleWithMembers("pu-secretary", "GUANGTA", 3);
        patch(id, Map.of("sixHaves", Map.of("plaque", true, "flag", true)), "\"1\"", secretaryOf(id)).expectStatus().isOk()
                .expectBody().jsonPath("$.sixHaves.plaque").isEqualTo(true).jsonPath("$.sixHaves.flag").isEqualTo(true)
                .jsonPath("$.sixHaves.activityRoom").isEqualTo(false).jsonPath("$.meetsSixHaves").isEqualTo(false);
        patch(id, Map.of("rating", "MODEL"), "\"2\"", secretaryOf(id)).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        patch(id, Map.of("sixHaves", Map.of("plaque", true), "name", "x"), "\"2\"", secretaryOf(id)).expectStatus().isForbidden();
        put(id, Map.of("name", "x"), "\"2\"", secretaryOf(id)).expectStatus().isForbidden();
        patch(id, Map.of("sixHaves", Map.of("plaque", true)), "\"2\"", secretaryOf("another")).expectStatus().isNotFound();
        patch(id, Map.of("sixHaves", Map.of("plaque", true)), "\"2\"", bearer(Role.AUDITOR)).expectStatus().isForbidden();
        patch(id, Map.of("name", "x"), "\"2\"", streetAdmin("JIANSHE")).expectStatus().isNotFound();
        patch(id, Map.of("name", "x"), "\"2\"", bearer(Role.FINANCE)).expectStatus().isForbidden();
        get("/api/branches/" + id, bearer(Role.AUDITOR)).expectBody().jsonPath("$.version").isEqualTo(2);
    }

    @Test
    void aJointTakesInAndReleasesOrganizationsUnderRuleTwo() {
        String[] ids = {"pv-1", "pv-2", "pv-3", "pv-4", "pv-5", "pv-6", "pv-big"};
        for (String o : ids) {
            register(o, "LIURONG");
        }
        for (int i = 0; i < 6; i++) {
            members(ids[i], "LIURONG", 1, 0);
        }
        members("pv-big", "LIURONG", 3, 0);
        String joint = established(establishment("六榕联合党支部", "BRANCH", "JOINT", "LIURONG", "pv-1", "pv-2", "pv-3"));
        var add = web.post().uri("/api/branches/" + joint + "/organizations").header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON);
        add.bodyValue(Map.of("organizationId", "pv-big")).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo(FormationRules.RULE_1_SHOULD_FORM_SINGLE);
        for (String o : List.of("pv-4", "pv-5")) {
            web.post().uri("/api/branches/" + joint + "/organizations").header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("organizationId", o)).exchange().expectStatus().isOk();
        }
        web.post().uri("/api/branches/" + joint + "/organizations").header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("organizationId", "pv-6")).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.rule").isEqualTo(FormationRules.RULE_2_JOINT_ORGANIZATIONS);
        web.post().uri("/api/branches/" + joint + "/organizations").header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("organizationId", "pv-6")).exchange()
                .expectStatus().isEqualTo(409);
        web.post().uri("/api/branches/" + joint + "/organizations").header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("organizationId", "nowhere")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("organizationId");

        for (String o : List.of("pv-5", "pv-4")) {
            web.delete().uri("/api/branches/" + joint + "/organizations/" + o).header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                    .exchange().expectStatus().isOk();
        }
        // Two organizations with one formal member each would be below rule 2: refused, and it stays as it was.
        web.delete().uri("/api/branches/" + joint + "/organizations/pv-2").header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.rule").isEqualTo(FormationRules.RULE_2_JOINT_FORMAL_MEMBERS)
                .jsonPath("$.facts.formalMembers").isEqualTo(2);
        web.delete().uri("/api/branches/" + joint + "/organizations/pv-6").header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .exchange().expectStatus().isNotFound();
        web.delete().uri("/api/branches/" + joint + "/organizations/pv-2").header(HttpHeaders.AUTHORIZATION, streetAdmin("GUANGTA"))
                .exchange().expectStatus().isNotFound();
        get("/api/branches/" + joint, bearer(Role.AUDITOR)).expectBody().jsonPath("$.organizationIds.length()").isEqualTo(3)
                .jsonPath("$.version").isEqualTo(5);
        TopicRecords.await(broker, Topics.BRANCH_PARTY_ORGANIZATIONS, joint, 5);

        String single = established(establishment("六榕大党支部", "BRANCH", "SINGLE", "LIURONG", "pv-big"));
        web.post().uri("/api/branches/" + single + "/organizations").header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("organizationId", "pv-6")).exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void dissolutionEndsTheOrganizationWithItsEvent() {
        String id = singleWithMembers("pu-dissolve", "GUANGTA", 3);
        var dissolve = web.post().uri("/api/branches/" + id + "/dissolution").contentType(MediaType.APPLICATION_JSON);
        dissolve.header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .bodyValue(Map.of("date", "2999-01-01", "reason", "合并")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
        web.post().uri("/api/branches/" + id + "/dissolution").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR))
                .bodyValue(Map.of("date", "2026-01-05", "reason", "合并")).exchange().expectStatus().isForbidden();
        web.post().uri("/api/branches/" + id + "/dissolution").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .bodyValue(Map.of("reason", "合并")).exchange().expectStatus().isBadRequest();
        web.post().uri("/api/branches/" + id + "/dissolution").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .bodyValue(Map.of("date", "2026-01-05", "reason", "组织合并")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("DISSOLVED").jsonPath("$.dissolvedOn").isEqualTo("2026-01-05")
                .jsonPath("$.dissolutionReason").isEqualTo("组织合并").jsonPath("$.version").isEqualTo(2);
        List<ConsumerRecord<String, byte[]>> published = TopicRecords.await(broker, Topics.BRANCH_PARTY_ORGANIZATIONS, id, 2);
        assertThat(new String(published.get(1).headers().lastHeader("ce_type").value()))
                .isEqualTo(EventType.PARTY_ORGANIZATION_DISSOLVED.ceType());
        assertThat(EventCodec.decode(published.get(1).value(), PartyOrganizationSnapshot.class).status()).isEqualTo("DISSOLVED");

        web.post().uri("/api/branches/" + id + "/dissolution").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .bodyValue(Map.of("date", "2026-01-05", "reason", "again")).exchange().expectStatus().isEqualTo(409);
        put(id, Map.of("name", "x"), "\"2\"", bearer(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(409);
        // Its organization may be covered again.
        established(establishment("新党支部", "BRANCH", "SINGLE", "GUANGTA", "pu-dissolve"));
    }

    @Test
    void everyChangeKeepsItsAuditRecordInTheSameWriteReadableWithinScope() {
        String id = singleWithMembers("pu-audit", "GUANGTA", 3);
        patch(id, Map.of("rating", "STANDARD"), "\"1\"", streetAdmin("GUANGTA")).expectStatus().isOk();
        // refused by the version guard: neither the change nor its record
        patch(id, Map.of("rating", "WEAK"), "\"1\"", bearer(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(409);
        web.post().uri("/api/branches/" + id + "/dissolution").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, bearer(Role.COMMITTEE_ADMIN))
                .bodyValue(Map.of("date", "2026-01-05", "reason", "组织合并")).exchange().expectStatus().isOk();

        get("/api/branches/" + id + "/history", secretaryOf(id)).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items[0].action").isEqualTo("DISSOLVED")
                .jsonPath("$.items[0].reason").isEqualTo("组织合并")
                .jsonPath("$.items[0].actor.roles[0]").isEqualTo("committee-admin")
                .jsonPath("$.items[1].action").isEqualTo("UPDATED")
                .jsonPath("$.items[1].actor.username").isEqualTo("admin-GUANGTA")
                .jsonPath("$.items[1].changes.length()").isEqualTo(1)
                .jsonPath("$.items[1].changes[0].field").isEqualTo("rating")
                .jsonPath("$.items[1].changes[0].before").isEqualTo("UNRATED")
                .jsonPath("$.items[1].changes[0].after").isEqualTo("STANDARD")
                .jsonPath("$.items[2].action").isEqualTo("ESTABLISHED")
                .jsonPath("$.items[2].resource").isEqualTo("PartyOrganization");
        get("/api/branches/" + id + "/history", bearer(Role.AUDITOR)).expectStatus().isOk();
        get("/api/branches/" + id + "/history", streetAdmin("HUALE")).expectStatus().isNotFound();
        get("/api/branches/" + id + "/history", secretaryOf("another")).expectStatus().isNotFound();
        get("/api/branches/audit?resourceId=" + id, bearer(Role.AUDITOR)).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(3);
        get("/api/branches/audit", streetAdmin("GUANGTA")).expectStatus().isForbidden();
    }
}
