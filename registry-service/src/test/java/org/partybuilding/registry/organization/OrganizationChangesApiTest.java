package org.partybuilding.registry.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partybuilding.registry.organization.OrganizationFixtures.body;
import static org.partybuilding.registry.organization.OrganizationFixtures.register;
import static org.partybuilding.registry.organization.OrganizationFixtures.registered;
import static org.partybuilding.registry.organization.OrganizationFixtures.streetAdmin;
import static org.partybuilding.registry.organization.OrganizationFixtures.token;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.partybuilding.events.CloudEventHeaders;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.OrganizationSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/** PUT, PATCH and deregistration: If-Match/ETag, validation that stores nothing, street scope, and their events. */
@PlatformTest
class OrganizationChangesApiTest {

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    EmbeddedKafkaBroker broker;

    private WebTestClient.ResponseSpec put(String id, Map<String, Object> body, String ifMatch, String bearer) {
        var request = web.put().uri("/api/registry/organizations/" + id).header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec patch(String id, Map<String, Object> body, String ifMatch, String bearer) {
        var request = web.patch().uri("/api/registry/organizations/" + id).header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.valueOf("application/merge-patch+json"));
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec deregister(String id, Object body, String bearer) {
        return web.post().uri("/api/registry/organizations/" + id + "/deregistration").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private Organization stored(String id) {
        return mongo.findById(id, Organization.class).block();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void putReplacesTheOrganizationAnswersTheNewETagAndPublishesOrganizationUpdated() {
        OrganizationResponse created = registered(web, "JIANSHE", OrganizationType.SOCIAL_GROUP);
        Map<String, Object> changed = body("JIANSHE", OrganizationType.SOCIAL_GROUP);
        changed.put("creditCode", created.creditCode());
        changed.put("name", "越秀区志愿者协会");
        changed.put("employees", 40);
        changed.put("operatingStatus", "DIFFICULT");

        put(created.id(), changed, "\"1\"", token(Role.COMMITTEE_ADMIN)).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.name").isEqualTo("越秀区志愿者协会").jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.employees").isEqualTo(40).jsonPath("$.operatingStatus").isEqualTo("DIFFICULT")
                .jsonPath("$.createdAt").isEqualTo(created.createdAt().toString());

        List<ConsumerRecord<String, byte[]>> events = TopicRecords.await(broker, Topics.REGISTRY_ORGANIZATIONS, created.id(), 2);
        assertThat(CloudEventHeaders.read(events.get(1).headers()).type()).isEqualTo("partybuilding.OrganizationUpdated");
        OrganizationSnapshot snapshot = EventCodec.decode(events.get(1).value(), OrganizationSnapshot.class);
        assertThat(snapshot.version()).isEqualTo(2);
        assertThat(snapshot.name()).isEqualTo("越秀区志愿者协会");
        assertThat(snapshot.operatingStatus()).isEqualTo("DIFFICULT");
        assertThat(stored(created.id()).outbox()).isEmpty();
    }

    @Test
    void patchMergesOnlyTheFieldsSentAndValidatesTheResult() {
        OrganizationResponse created = registered(web, "JIANSHE", OrganizationType.FOUNDATION);
        patch(created.id(), Map.of("fullTimeStaff", 15, "legalRepresentative", Map.of("name", "李强", "partyMember", false)),
                "\"1\"", streetAdmin("JIANSHE")).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.fullTimeStaff").isEqualTo(15).jsonPath("$.employees").isEqualTo(20)
                .jsonPath("$.name").isEqualTo(created.name()).jsonPath("$.legalRepresentative.partyMember").isEqualTo(false);

        patch(created.id(), Map.of("fullTimeStaff", 21), "\"2\"", token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("fullTimeStaff");
        patch(created.id(), Map.of("industry", "GAMBLING", "registeredOn", today().plusDays(1).toString()), "\"2\"",
                token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'industry')]").exists()
                .jsonPath("$.errors[?(@.field == 'registeredOn')]").exists();
        patch(created.id(), Map.of("name", " ", "legalRepresentative", Map.of("name", "", "partyMember", true)), "\"2\"",
                token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'legalRepresentative.name')]").exists();
        patch(created.id(), Map.of("employees", "many"), "\"2\"", token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stored(created.id()).version()).isEqualTo(2);
        assertThat(stored(created.id()).fullTimeStaff()).isEqualTo(15);
    }

    @Test
    void ifMatchIsRequiredAndAStaleOneIs409WithNothingChanged() {
        OrganizationResponse created = registered(web, "JIANSHE", OrganizationType.SOCIAL_GROUP);
        patch(created.id(), Map.of("name", "无版本"), null, token(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(428)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> whole = body("JIANSHE", OrganizationType.SOCIAL_GROUP);
        whole.put("creditCode", created.creditCode());
        put(created.id(), whole, null, token(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(428);
        patch(created.id(), Map.of("name", "第一次"), "\"1\"", token(Role.DISTRICT_ADMIN)).expectStatus().isOk();
        patch(created.id(), Map.of("name", "过时的"), "\"1\"", token(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        patch(created.id(), Map.of("name", "乱写"), "abc", token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest();
        assertThat(stored(created.id()).name()).isEqualTo("第一次");
        assertThat(stored(created.id()).version()).isEqualTo(2);
    }

    @Test
    void changingToAnotherActiveOrganizationsCreditCodeIs409() {
        OrganizationResponse first = registered(web, "JIANSHE", OrganizationType.SOCIAL_GROUP);
        OrganizationResponse second = registered(web, "JIANSHE", OrganizationType.SOCIAL_GROUP);
        patch(second.id(), Map.of("creditCode", first.creditCode()), "\"1\"", token(Role.DISTRICT_ADMIN))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains(first.creditCode()));
        assertThat(stored(second.id()).creditCode()).isEqualTo(second.creditCode());
    }

    @Test
    void aStreetAdminChangesOnlyItsStreetAndCannotMoveAnOrganizationOut() {
        OrganizationResponse dongshan = registered(web, "DONGSHAN", OrganizationType.SOCIAL_GROUP);
        OrganizationResponse jianshe = registered(web, "JIANSHE", OrganizationType.SOCIAL_GROUP);
        patch(dongshan.id(), Map.of("name", "越界"), "\"1\"", streetAdmin("JIANSHE")).expectStatus().isNotFound();
        deregister(dongshan.id(), Map.of("date", "2025-01-01", "reason", "越界"), streetAdmin("JIANSHE")).expectStatus().isNotFound();
        Map<String, Object> whole = body("JIANSHE", OrganizationType.SOCIAL_GROUP);
        whole.put("creditCode", dongshan.creditCode());
        put(dongshan.id(), whole, "\"1\"", streetAdmin("JIANSHE")).expectStatus().isNotFound();
        patch(jianshe.id(), Map.of("street", "DONGSHAN"), "\"1\"", streetAdmin("JIANSHE")).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        patch(jianshe.id(), Map.of("name", "审计不能改"), "\"1\"", token(Role.AUDITOR)).expectStatus().isForbidden();
        patch(jianshe.id(), Map.of("name", "财务不能改"), "\"1\"", token(Role.FINANCE)).expectStatus().isForbidden();
        deregister(jianshe.id(), Map.of("date", "2025-01-01", "reason", "审计"), token(Role.AUDITOR)).expectStatus().isForbidden();
        assertThat(stored(dongshan.id()).version()).isEqualTo(1);
        assertThat(stored(jianshe.id()).version()).isEqualTo(1);
        // A district admin may move it between streets.
        patch(jianshe.id(), Map.of("street", "DONGSHAN"), "\"1\"", token(Role.DISTRICT_ADMIN)).expectStatus().isOk()
                .expectBody().jsonPath("$.street").isEqualTo("DONGSHAN");
    }

    @Test
    void deregistrationEndsTheOrganizationOnceFreesItsCreditCodeAndPublishesTheEvent() {
        OrganizationResponse created = registered(web, "HUALE", OrganizationType.PRIVATE_NON_ENTERPRISE);
        deregister(created.id(), Map.of("date", today().plusDays(3).toString(), "reason", "未来"), token(Role.DISTRICT_ADMIN))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
        deregister(created.id(), Map.of("date", "2020-01-01", "reason", "早于登记"), token(Role.DISTRICT_ADMIN))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
        deregister(created.id(), Map.of("date", "2025-06-30"), token(Role.DISTRICT_ADMIN))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        assertThat(stored(created.id()).active()).isTrue();

        deregister(created.id(), Map.of("date", "2025-06-30", "reason", "自行解散"), streetAdmin("HUALE")).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.status").isEqualTo("DEREGISTERED").jsonPath("$.deregisteredOn").isEqualTo("2025-06-30")
                .jsonPath("$.deregistrationReason").isEqualTo("自行解散");
        deregister(created.id(), Map.of("date", "2025-07-01", "reason", "再次"), token(Role.DISTRICT_ADMIN))
                .expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        patch(created.id(), Map.of("name", "已注销"), "\"2\"", token(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(409);

        List<ConsumerRecord<String, byte[]>> events = TopicRecords.await(broker, Topics.REGISTRY_ORGANIZATIONS, created.id(), 2);
        assertThat(CloudEventHeaders.read(events.get(1).headers()).type()).isEqualTo("partybuilding.OrganizationDeregistered");
        OrganizationSnapshot snapshot = EventCodec.decode(events.get(1).value(), OrganizationSnapshot.class);
        assertThat(snapshot.status()).isEqualTo("DEREGISTERED");
        assertThat(snapshot.deregisteredOn()).isEqualTo(LocalDate.of(2025, 6, 30));

        // The same credit code may be registered again by a new, active organization.
        Map<String, Object> again = body("HUALE", OrganizationType.PRIVATE_NON_ENTERPRISE);
        again.put("creditCode", created.creditCode());
        register(web, again, token(Role.DISTRICT_ADMIN)).expectStatus().isCreated();
    }

    @Test
    void statisticsCountByTypeStreetStatusAndLevelWithinTheCallersStreet() {
        OrganizationResponse a = registered(web, "ZHUGUANG", OrganizationType.FOUNDATION);
        registered(web, "ZHUGUANG", OrganizationType.SOCIAL_GROUP);
        registered(web, "BAIYUN", OrganizationType.SOCIAL_GROUP);
        deregister(a.id(), Map.of("date", "2025-06-30", "reason", "合并"), token(Role.DISTRICT_ADMIN)).expectStatus().isOk();

        RegistryStatistics mine = web.get().uri("/api/registry/statistics").header(HttpHeaders.AUTHORIZATION, streetAdmin("ZHUGUANG"))
                .exchange().expectStatus().isOk().expectBody(RegistryStatistics.class).returnResult().getResponseBody();
        assertThat(mine.organizations()).isEqualTo(2);
        assertThat(mine.active()).isEqualTo(1);
        assertThat(mine.byStreet()).containsOnlyKeys("ZHUGUANG");
        assertThat(mine.byType()).containsEntry("FOUNDATION", 1L).containsEntry("SOCIAL_GROUP", 1L);
        assertThat(mine.byStatus()).containsEntry("ACTIVE", 1L).containsEntry("DEREGISTERED", 1L);
        assertThat(mine.byRegistrationLevel()).containsEntry("DISTRICT", 2L);
        assertThat(mine.employees()).isEqualTo(20);
        assertThat(mine.fullTimeStaff()).isEqualTo(12);

        RegistryStatistics all = web.get().uri("/api/registry/statistics").header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR))
                .exchange().expectStatus().isOk().expectBody(RegistryStatistics.class).returnResult().getResponseBody();
        assertThat(all.byStreet()).containsKeys("ZHUGUANG", "BAIYUN");
        web.get().uri("/api/registry/statistics").header(HttpHeaders.AUTHORIZATION, token(Role.FINANCE))
                .exchange().expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/registry/statistics").header(HttpHeaders.AUTHORIZATION, token(Role.BRANCH_SECRETARY))
                .exchange().expectStatus().isForbidden();
    }
}
