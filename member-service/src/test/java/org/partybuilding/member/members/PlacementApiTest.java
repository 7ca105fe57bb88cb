package org.partybuilding.member.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partybuilding.member.MemberFixtures.body;
import static org.partybuilding.member.MemberFixtures.register;
import static org.partybuilding.member.MemberFixtures.registered;
import static org.partybuilding.member.MemberFixtures.streetAdmin;
import static org.partybuilding.member.MemberFixtures.token;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partybuilding.events.CloudEventHeaders;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.MemberSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.member.MemberApiTestBase;
import org.partybuilding.member.MemberFixtures;
import org.partybuilding.member.context.Placement;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.TopicRecords;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Rule 7a on every way in: a member registered, imported, updated or transferred into an organization with an active
 * party organization belongs to it at once; a party organization named for a member must cover the member's employer
 * and be in the caller's scope. The events say since when (rule 15 counts from that day).
 */
class PlacementApiTest extends MemberApiTestBase {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void context() {
        MemberFixtures.organization(events, mongo, "org-placed", "JIANSHE");
        MemberFixtures.organization(events, mongo, "org-unplaced", "JIANSHE");
        MemberFixtures.organization(events, mongo, "org-datang", "DATANG");
        MemberFixtures.organization(events, mongo, "org-cross", "JIANSHE");
        MemberFixtures.established(events, mongo, MemberFixtures.partyOrganization("po-placed", "JIANSHE", LocalDate.of(2024, 7, 1),
                "org-placed"));
        MemberFixtures.established(events, mongo, MemberFixtures.partyOrganization("po-datang", "DATANG", LocalDate.of(2024, 7, 1),
                "org-datang"));
        // an odd one: a DATANG party organization over a JIANSHE organization (outside a JIANSHE street admin's scope)
        MemberFixtures.established(events, mongo, MemberFixtures.partyOrganization("po-cross", "DATANG", LocalDate.of(2024, 7, 1),
                "org-cross"));
    }

    private static Map<String, Object> formal(String organizationId) {
        Map<String, Object> body = body(organizationId);
        body.putAll(Map.of("stage", "FORMAL", "appliedOn", "2014-05-01", "activistOn", "2015-05-01", "targetOn", "2016-05-01",
                "admittedOn", "2016-07-01", "confirmedOn", "2017-07-01"));
        return body;
    }

    private long storedAt(String organizationId) {
        return mongo.count(Query.query(Criteria.where("organizationId").is(organizationId)), Member.class).block();
    }

    private MemberSnapshot lastEvent(String id, int count) {
        var records = TopicRecords.await(broker, Topics.MEMBER_MEMBERS, id, count);
        return EventCodec.decode(records.get(count - 1).value(), MemberSnapshot.class);
    }

    @Test
    void aMemberRegisteredAfterTheEstablishmentBelongsToThePartyOrganizationAtOnceAndTheEventSaysSinceWhen() {
        String id = register(web, formal("org-placed"), streetAdmin("JIANSHE")).expectStatus().isCreated().expectBody()
                .jsonPath("$.partyOrganizationId").isEqualTo("po-placed")
                .jsonPath("$.partyOrganizationSince").isEqualTo(TODAY.toString())
                .returnResult().getResponseHeaders().getLocation().getPath().replace("/api/members/", "");
        MemberSnapshot registered = lastEvent(id, 1);
        assertThat(registered.partyOrganizationId()).isEqualTo("po-placed");
        assertThat(registered.partyOrganizationSince()).isEqualTo(TODAY);
        assertThat(registered.statusSince()).isEqualTo(TODAY);
        assertThat(registered.partyMember()).isTrue();

        // a joining date recorded with the member (a history entered after the fact) travels instead
        Map<String, Object> joined = formal("org-placed");
        joined.put("partyOrganizationSince", "2025-03-01");
        String historic = registered(web, joined);
        assertThat(lastEvent(historic, 1).partyOrganizationSince()).isEqualTo(LocalDate.of(2025, 3, 1));
        joined.put("idNumber", MemberFixtures.idNumber(LocalDate.of(1990, 3, 7), false));
        joined.put("partyOrganizationSince", "2024-06-30");
        register(web, joined, token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("partyOrganizationSince");
        joined.put("partyOrganizationSince", TODAY.plusDays(1).toString());
        register(web, joined, token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("partyOrganizationSince");
        Map<String, Object> nowhere = formal("org-unplaced");
        nowhere.put("partyOrganizationSince", "2025-03-01");
        register(web, nowhere, token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("partyOrganizationSince");
    }

    @Test
    void aStreetAdminCannotPlaceAMemberInAnotherStreetsPartyOrganization() {
        long before = storedAt("org-unplaced");
        Map<String, Object> body = formal("org-unplaced");
        body.put("partyOrganizationId", "po-datang");
        register(web, body, streetAdmin("JIANSHE")).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo(Placement.OF_THE_EMPLOYER)
                .jsonPath("$.facts.partyOrganizationId").isEqualTo("po-datang");
        // not even an admin places a member in a party organization that does not cover the employer
        register(web, body, token(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(422);
        body.put("partyOrganizationId", "po-placed");
        register(web, body, token(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo(Placement.OF_THE_EMPLOYER);
        assertThat(storedAt("org-unplaced")).isEqualTo(before);

        // covering the employer but outside the caller's scope
        Map<String, Object> cross = formal("org-cross");
        cross.put("partyOrganizationId", "po-cross");
        register(web, cross, streetAdmin("JIANSHE")).expectStatus().isForbidden();
        assertThat(storedAt("org-cross")).isZero();
        register(web, cross, token(Role.COMMITTEE_ADMIN)).expectStatus().isCreated().expectBody()
                .jsonPath("$.partyOrganizationId").isEqualTo("po-cross");

        // the same through PATCH
        String id = registered(web, formal("org-unplaced"));
        web.patch().uri("/api/members/" + id).header(HttpHeaders.AUTHORIZATION, streetAdmin("JIANSHE"))
                .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("partyOrganizationId", "po-datang")).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo(Placement.OF_THE_EMPLOYER);
        Member unchanged = mongo.findById(id, Member.class).block();
        assertThat(unchanged.version()).isEqualTo(1);
        assertThat(unchanged.partyOrganizationId()).isNull();
    }

    @Test
    void aMemberUpdatedIntoAnOrganizationWithAPartyOrganizationIsPlacedInIt() {
        String id = registered(web, formal("org-unplaced"));
        assertThat(lastEvent(id, 1).partyOrganizationId()).isNull();
        web.patch().uri("/api/members/" + id).header(HttpHeaders.AUTHORIZATION, streetAdmin("JIANSHE"))
                .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("organizationId", "org-placed")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.partyOrganizationId").isEqualTo("po-placed")
                .jsonPath("$.partyOrganizationSince").isEqualTo(TODAY.toString());
        MemberSnapshot updated = lastEvent(id, 2);
        assertThat(updated.partyOrganizationId()).isEqualTo("po-placed");
        assertThat(updated.partyOrganizationSince()).isEqualTo(TODAY);
        web.get().uri("/api/members/" + id + "/history").header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].action").isEqualTo("UPDATED")
                .jsonPath("$.items[0].changes[?(@.field == 'partyOrganizationId')].after").isEqualTo(java.util.List.of("po-placed"));
    }

    @Test
    void aPartyOrganizationEstablishedLaterTakesInItsMembersFromItsEstablishmentDayWithARecord() {
        MemberFixtures.organization(events, mongo, "org-later", "JIANSHE");
        String id = registered(web, formal("org-later"));
        events.publish(org.partybuilding.events.EventType.PARTY_ORGANIZATION_ESTABLISHED,
                MemberFixtures.partyOrganization("po-later", "JIANSHE", LocalDate.of(2025, 5, 20), "org-later"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mongo.findById(id, Member.class).block()
                .partyOrganizationId()).isEqualTo("po-later"));
        MemberSnapshot placed = lastEvent(id, 2);
        assertThat(placed.partyOrganizationSince()).isEqualTo(LocalDate.of(2025, 5, 20));
        assertThat(CloudEventHeaders.read(TopicRecords.await(broker, Topics.MEMBER_MEMBERS, id, 2).get(1).headers()).type())
                .isEqualTo("partybuilding.MemberUpdated");
        WebTestClient.BodyContentSpec history = web.get().uri("/api/members/" + id + "/history")
                .header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN)).exchange().expectStatus().isOk().expectBody();
        history.jsonPath("$.items[0].action").isEqualTo("PLACED_BY_PARTY_ORGANIZATION")
                .jsonPath("$.items[0].actor.subject").isEqualTo("system:" + Topics.BRANCH_PARTY_ORGANIZATIONS)
                .jsonPath("$.items[0].changes[?(@.field == 'partyOrganizationSince')].after").isEqualTo(java.util.List.of("2025-05-20"));
    }
}
