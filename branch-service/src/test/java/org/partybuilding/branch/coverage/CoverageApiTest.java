package org.partybuilding.branch.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.partybuilding.events.CloudEventAttributes;
import org.partybuilding.events.CloudEventHeaders;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.EventType;
import org.partybuilding.events.OrganizationSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

@PlatformTest
class CoverageApiTest {

    @Autowired
    WebTestClient web;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EmbeddedKafkaBroker broker;

    private static OrganizationSnapshot organization(String id, long version, String street, String type, String status) {
        return new OrganizationSnapshot(id, version, "组织" + id, "code-" + id, type, "DISTRICT", LocalDate.of(2023, 5, 4),
                "越秀区民政局", "EDUCATION", street, "地址", new OrganizationSnapshot.LegalRepresentative("张伟", false), 12, 6,
                "NORMAL", status, "DEREGISTERED".equals(status) ? LocalDate.of(2026, 1, 1) : null, null);
    }

    private void publish(EventType type, OrganizationSnapshot snapshot) throws Exception {
        var record = new ProducerRecord<String, byte[]>(Topics.REGISTRY_ORGANIZATIONS, snapshot.id(), EventCodec.encode(snapshot));
        CloudEventHeaders.write(new CloudEventAttributes(UUID.randomUUID().toString(), type.ceType(),
                URI.create("/registry-service"), Instant.now(), snapshot.id()), record.headers());
        kafka.send(record).get();
    }

    private WebTestClient.BodyContentSpec coverage(String query, String bearer) {
        return web.get().uri("/api/branches/coverage" + query).header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange().expectStatus().isOk().expectBody();
    }

    private static String token(Role role) {
        return TestTokens.bearer(TestTokens.forRole(role));
    }

    private List<String> gapReasons(String organizationId) {
        CoverageReport report = web.get().uri("/api/branches/coverage").header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR))
                .exchange().expectStatus().isOk().expectBody(CoverageReport.class).returnResult().getResponseBody();
        return report.gaps().stream().filter(g -> g.organizationId().equals(organizationId))
                .map(g -> g.reason().name()).toList();
    }

    @Test
    void aRegisteredOrganizationWithoutMembersIsActiveAndNeedsAnInstructor() throws Exception {
        publish(EventType.ORGANIZATION_REGISTERED, organization("o-new", 1, "LIUHUA", "FOUNDATION", "ACTIVE"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(gapReasons("o-new")).containsExactly("NEEDS_INSTRUCTOR"));
        coverage("?street=LIUHUA", token(Role.COMMITTEE_ADMIN))
                .jsonPath("$.activeOrganizations").isEqualTo(1)
                .jsonPath("$.withMembers").isEqualTo(0)
                .jsonPath("$.uncovered").isEqualTo(1)
                .jsonPath("$.organizationCoverageRate").isEmpty()
                .jsonPath("$.workCoverageRate").isEqualTo(0.0)
                .jsonPath("$.byStreet[0].street").isEqualTo("LIUHUA")
                .jsonPath("$.byStreet[0].streetName").isEqualTo("流花")
                .jsonPath("$.gaps[0].organizationName").isEqualTo("组织o-new");
    }

    @Test
    void redeliveredAndOlderEventsChangeNothingAndDeregistrationRemovesItFromActive() throws Exception {
        publish(EventType.ORGANIZATION_REGISTERED, organization("o-dereg", 1, "DADONG", "SOCIAL_GROUP", "ACTIVE"));
        publish(EventType.ORGANIZATION_DEREGISTERED, organization("o-dereg", 2, "DADONG", "SOCIAL_GROUP", "DEREGISTERED"));
        // A late redelivery of version 1 must not bring it back.
        publish(EventType.ORGANIZATION_REGISTERED, organization("o-dereg", 1, "DADONG", "SOCIAL_GROUP", "ACTIVE"));
        publish(EventType.ORGANIZATION_REGISTERED, organization("o-marker", 1, "DADONG", "SOCIAL_GROUP", "ACTIVE"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(gapReasons("o-marker")).isNotEmpty());
        coverage("?street=DADONG", token(Role.DISTRICT_ADMIN)).jsonPath("$.activeOrganizations").isEqualTo(1);
        assertThat(gapReasons("o-dereg")).isEmpty();
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndLaterRecordsAreStillConsumed() throws Exception {
        kafka.send(new ProducerRecord<>(Topics.REGISTRY_ORGANIZATIONS, "garbage", "{not json".getBytes(StandardCharsets.UTF_8))).get();
        publish(EventType.ORGANIZATION_REGISTERED, organization("o-after-garbage", 1, "BAIYUN", "SOCIAL_GROUP", "ACTIVE"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(gapReasons("o-after-garbage")).isNotEmpty());
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "dlt-reader", false);
        props.put("auto.offset.reset", "earliest");
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.REGISTRY_ORGANIZATIONS)));
            List<String> keys = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(r -> keys.add(r.key()));
                assertThat(keys).contains("garbage");
            });
        }
    }

    @Test
    void filtersNarrowTheReport() throws Exception {
        publish(EventType.ORGANIZATION_REGISTERED, organization("o-f1", 1, "NONGLIN", "FOUNDATION", "ACTIVE"));
        publish(EventType.ORGANIZATION_REGISTERED, organization("o-f2", 1, "NONGLIN", "SOCIAL_GROUP", "ACTIVE"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(gapReasons("o-f2")).isNotEmpty());

        coverage("?street=NONGLIN&type=FOUNDATION", token(Role.AUDITOR))
                .jsonPath("$.activeOrganizations").isEqualTo(1)
                .jsonPath("$.gaps[0].organizationId").isEqualTo("o-f1");
        coverage("?street=NONGLIN&supervisoryUnit=越秀区民政局", token(Role.AUDITOR)).jsonPath("$.activeOrganizations").isEqualTo(2);
    }

    @Test
    void rolesAndStreetScope() throws Exception {
        publish(EventType.ORGANIZATION_REGISTERED, organization("o-s1", 1, "KUANGQUAN", "SOCIAL_GROUP", "ACTIVE"));
        publish(EventType.ORGANIZATION_REGISTERED, organization("o-s2", 1, "DENGFENG", "SOCIAL_GROUP", "ACTIVE"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(gapReasons("o-s2")).isNotEmpty());

        String kuangquan = TestTokens.bearer(TestTokens.builder().role(Role.STREET_ADMIN).street("KUANGQUAN").build());
        CoverageReport mine = web.get().uri("/api/branches/coverage").header(HttpHeaders.AUTHORIZATION, kuangquan)
                .exchange().expectStatus().isOk().expectBody(CoverageReport.class).returnResult().getResponseBody();
        assertThat(mine.gaps()).extracting(CoverageRules.Gap::street).containsOnly("KUANGQUAN");
        web.get().uri("/api/branches/coverage?street=DENGFENG").header(HttpHeaders.AUTHORIZATION, kuangquan)
                .exchange().expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        web.get().uri("/api/branches/coverage").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/branches/coverage").header(HttpHeaders.AUTHORIZATION, token(Role.FINANCE))
                .exchange().expectStatus().isForbidden();
        String secretary = TestTokens.bearer(TestTokens.builder().role(Role.BRANCH_SECRETARY).partyOrganization("po-1").build());
        web.get().uri("/api/branches/coverage").header(HttpHeaders.AUTHORIZATION, secretary)
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void unknownFilterValuesAre400NamingTheField() {
        web.get().uri("/api/branches/coverage?street=ATLANTIS&type=CLUB").header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'street')]").exists()
                .jsonPath("$.errors[?(@.field == 'type')]").exists();
    }
}
