package org.partybuilding.registry.organization;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.partybuilding.registry.organization.OrganizationFixtures.body;
import static org.partybuilding.registry.organization.OrganizationFixtures.streetAdmin;
import static org.partybuilding.registry.organization.OrganizationFixtures.token;

@PlatformTest
class OrganizationApiTest {

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    EmbeddedKafkaBroker broker;

    private WebTestClient.ResponseSpec register(Map<String, Object> body, String bearer) {
        return OrganizationFixtures.register(web, body, bearer);
    }

    private long stored() {
        return mongo.count(new Query(), Organization.class).block();
    }

    @Test
    void registeringAnswers201WithLocationETagAndTheResourceAndPublishesTheEvent() {
        Map<String, Object> body = body("JIANSHE", OrganizationType.PRIVATE_NON_ENTERPRISE);
        var created = register(body, token(Role.COMMITTEE_ADMIN))
                .expectStatus().isCreated()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, "/api/registry/organizations/.+")
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody(OrganizationResponse.class).returnResult().getResponseBody();
        assertThat(created.status()).isEqualTo(OrganizationStatus.ACTIVE);
        assertThat(created.creditCode()).isEqualTo(body.get("creditCode"));
        assertThat(created.legalRepresentative().partyMember()).isTrue();

        web.get().uri("/api/registry/organizations/" + created.id()).header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR))
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().jsonPath("$.name").isEqualTo(body.get("name")).jsonPath("$.outbox").doesNotExist();

        List<ConsumerRecord<String, byte[]>> mine = TopicRecords.await(broker, Topics.REGISTRY_ORGANIZATIONS, created.id(), 1);
        assertThat(mine).hasSize(1);
        ConsumerRecord<String, byte[]> record = mine.get(0);
        assertThat(CloudEventHeaders.read(record.headers()).type()).isEqualTo("partybuilding.OrganizationRegistered");
        assertThat(CloudEventHeaders.read(record.headers()).source()).hasToString("/registry-service");
        OrganizationSnapshot snapshot = EventCodec.decode(record.value(), OrganizationSnapshot.class);
        assertThat(snapshot.version()).isEqualTo(1);
        assertThat(snapshot.status()).isEqualTo("ACTIVE");
        assertThat(snapshot.street()).isEqualTo("JIANSHE");
    }

    @Test
    void aDuplicateCreditCodeAmongActiveOrganizationsIs409AndStoresNothing() {
        Map<String, Object> body = body("JIANSHE", OrganizationType.SOCIAL_GROUP);
        register(body, token(Role.DISTRICT_ADMIN)).expectStatus().isCreated();
        long before = stored();
        body.put("name", "另一个名称");
        register(body, token(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains((String) body.get("creditCode")));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void invalidInputIs400NamingEveryFieldAndStoresNothing() {
        long before = stored();
        Map<String, Object> body = body("NOWHERE", OrganizationType.SOCIAL_GROUP);
        String code = (String) body.get("creditCode");
        body.put("creditCode", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));
        body.put("fullTimeStaff", 30);
        register(body, token(Role.COMMITTEE_ADMIN)).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'creditCode')]").exists()
                .jsonPath("$.errors[?(@.field == 'fullTimeStaff')]").exists()
                .jsonPath("$.errors[?(@.field == 'street')]").exists();

        Map<String, Object> missing = body("JIANSHE", OrganizationType.SOCIAL_GROUP);
        missing.remove("name");
        missing.put("type", "CLUB");
        register(missing, token(Role.COMMITTEE_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        missing.put("type", "SOCIAL_GROUP");
        missing.put("registeredOn", "2099-01-01");
        register(missing, token(Role.COMMITTEE_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'name')]").exists();
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void rolesAndStreetScopeAreEnforcedOnWritesAndReads() {
        long before = stored();
        web.post().uri("/api/registry/organizations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body("JIANSHE", OrganizationType.SOCIAL_GROUP)).exchange()
                .expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        register(body("JIANSHE", OrganizationType.SOCIAL_GROUP), token(Role.FINANCE)).expectStatus().isForbidden();
        register(body("JIANSHE", OrganizationType.SOCIAL_GROUP), token(Role.AUDITOR)).expectStatus().isForbidden();
        register(body("DONGSHAN", OrganizationType.SOCIAL_GROUP), streetAdmin("JIANSHE")).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stored()).isEqualTo(before);

        String dongshan = register(body("DONGSHAN", OrganizationType.SOCIAL_GROUP), streetAdmin("DONGSHAN"))
                .expectStatus().isCreated().expectBody(OrganizationResponse.class).returnResult().getResponseBody().id();
        web.get().uri("/api/registry/organizations/" + dongshan).header(HttpHeaders.AUTHORIZATION, streetAdmin("JIANSHE"))
                .exchange().expectStatus().isNotFound();
        web.get().uri("/api/registry/organizations/" + dongshan).header(HttpHeaders.AUTHORIZATION, token(Role.FINANCE))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/registry/organizations/" + dongshan).header(HttpHeaders.AUTHORIZATION, streetAdmin("DONGSHAN"))
                .exchange().expectStatus().isOk();
    }

    @Test
    void listsFilterPageAndStayInsideTheStreetScope() {
        for (int i = 0; i < 3; i++) {
            register(body("LIURONG", OrganizationType.FOUNDATION), token(Role.DISTRICT_ADMIN)).expectStatus().isCreated();
        }
        register(body("HUALE", OrganizationType.FOUNDATION), token(Role.DISTRICT_ADMIN)).expectStatus().isCreated();

        web.get().uri("/api/registry/organizations?street=LIURONG&type=FOUNDATION&page=0&size=2")
                .header(HttpHeaders.AUTHORIZATION, token(Role.COMMITTEE_ADMIN)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(2);

        web.get().uri("/api/registry/organizations?type=FOUNDATION&size=200").header(HttpHeaders.AUTHORIZATION, streetAdmin("HUALE"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].street").isEqualTo("HUALE");
        web.get().uri("/api/registry/organizations?street=LIURONG").header(HttpHeaders.AUTHORIZATION, streetAdmin("HUALE"))
                .exchange().expectStatus().isForbidden();

        web.get().uri("/api/registry/organizations?q=社区服务&status=ACTIVE").header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").value(t -> assertThat(((Number) t).intValue()).isGreaterThanOrEqualTo(4));
    }

    @Test
    void theListSortsByColumnAndFindsACreditCode() {
        Map<String, Object> small = body("DADONG", OrganizationType.SOCIAL_GROUP);
        small.put("name", "排序测试甲会");
        small.put("employees", 5);
        small.put("fullTimeStaff", 2);
        Map<String, Object> large = body("DADONG", OrganizationType.SOCIAL_GROUP);
        large.put("name", "排序测试乙会");
        large.put("employees", 90);
        String code = OrganizationFixtures.registered(web, small).creditCode();
        OrganizationFixtures.registered(web, large);

        web.get().uri("/api/registry/organizations?q=排序测试&sort=employees,desc").header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].name").isEqualTo("排序测试乙会").jsonPath("$.items[1].name").isEqualTo("排序测试甲会");
        web.get().uri("/api/registry/organizations?q=排序测试&sort=employees").header(HttpHeaders.AUTHORIZATION, streetAdmin("DADONG"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(2).jsonPath("$.items[0].name").isEqualTo("排序测试甲会");
        web.get().uri("/api/registry/organizations?q=" + code.substring(4).toLowerCase()).header(HttpHeaders.AUTHORIZATION,
                token(Role.AUDITOR)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].name").isEqualTo("排序测试甲会");
        web.get().uri("/api/registry/organizations?q=" + code).header(HttpHeaders.AUTHORIZATION, streetAdmin("HUALE"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        web.get().uri("/api/registry/organizations?sort=legalRepresentative").header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR))
                .exchange().expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sort");
        web.get().uri("/api/registry/organizations?sort=name,sideways").header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void badListParametersAre400() {
        web.get().uri("/api/registry/organizations?size=500").header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        web.get().uri("/api/registry/organizations?type=CLUB").header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        web.get().uri("/api/registry/organizations/does-not-exist").header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR))
                .exchange().expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theUniqueIndexHoldsEvenWhenTheLookupIsBypassed() {
        Map<String, Object> body = body("JIANSHE", OrganizationType.SOCIAL_GROUP);
        String id = register(body, token(Role.DISTRICT_ADMIN)).expectStatus().isCreated()
                .expectBody(OrganizationResponse.class).returnResult().getResponseBody().id();
        Organization first = mongo.findById(id, Organization.class).block();
        // A racing second registration that passed the lookup: the index refuses it.
        Organization racing = new Organization("racing-twin", 1, "并发注册", first.creditCode(), first.activeCreditCode(),
                first.type(), first.registrationLevel(), first.registeredOn(), null, first.industry(), first.street(), null,
                first.legalRepresentative(), 1, 1, first.operatingStatus(), first.status(), null, null, first.createdAt(),
                first.updatedAt(), List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mongo.insert(racing).block())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(mongo.count(Query.query(Criteria.where("creditCode").is(body.get("creditCode"))), Organization.class).block())
                .isEqualTo(1);
    }

    @Test
    void aChangeMadeByAnotherInstanceReachesTheListThroughItsEvent() {
        OrganizationResponse created = OrganizationFixtures.registered(web, "DADONG", OrganizationType.SOCIAL_GROUP);
        Organization stored = mongo.findById(created.id(), Organization.class).block();
        // Another instance renamed it: the document and its event, but not this instance's directory.
        Organization renamed = new Organization(stored.id(), 2, "另一实例改名", stored.creditCode(), stored.activeCreditCode(),
                stored.type(), stored.registrationLevel(), stored.registeredOn(), stored.supervisoryUnit(), stored.industry(),
                stored.street(), stored.address(), stored.legalRepresentative(), stored.employees(), stored.fullTimeStaff(),
                stored.operatingStatus(), stored.status(), null, null, stored.createdAt(), stored.updatedAt(), List.of());
        mongo.save(renamed).block();
        try (var events = new org.partybuilding.platform.test.TestEventPublisher(broker)) {
            events.publish(org.partybuilding.events.EventType.ORGANIZATION_UPDATED, renamed.snapshot());
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                web.get().uri("/api/registry/organizations?street=DADONG&q=另一实例").header(HttpHeaders.AUTHORIZATION,
                        token(Role.AUDITOR)).exchange().expectStatus().isOk().expectBody()
                        .jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].version").isEqualTo(2));
    }
}
