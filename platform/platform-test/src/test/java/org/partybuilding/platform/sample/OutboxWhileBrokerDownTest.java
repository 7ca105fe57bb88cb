package org.partybuilding.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.partybuilding.events.CloudEventHeaders;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.InProcessMongo;
import org.partybuilding.platform.test.TestTokenIssuer;
import org.partybuilding.platform.test.TcpForwarder;
import org.partybuilding.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service starts and takes writes while no broker exists yet; the events wait in the outbox
 * and leave, each exactly once, when the broker comes up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "sample.listener.auto-startup=false",
        "platform.outbox.poll-interval=200ms",
        "spring.kafka.admin.fail-fast=false",
        "spring.kafka.admin.properties.request.timeout.ms=1000",
        "spring.kafka.admin.properties.default.api.timeout.ms=1000"})
@AutoConfigureWebTestClient
class OutboxWhileBrokerDownTest {

    private static final int KAFKA_PORT = TcpForwarder.freePort();
    private static EmbeddedKafkaKraftBroker broker;
    private static TcpForwarder forwarder;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + KAFKA_PORT);
        registry.add("spring.mongodb.uri", InProcessMongo::uri);
        registry.add("spring.mongodb.database", () -> "broker-down");
        registry.add("platform.security.issuer-uri", () -> TestTokenIssuer.get().issuer());
        registry.add("platform.security.jwk-set-uri", () -> TestTokenIssuer.get().jwkSetUri());
    }

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    @AfterAll
    static void stopBroker() {
        if (forwarder != null) {
            forwarder.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void writesSucceedWhileKafkaIsDownAndEveryEventLeavesExactlyOnceWhenItIsBack() {
        String token = TestTokens.bearer(TestTokens.forRole(Role.DISTRICT_ADMIN));
        for (int i = 0; i < 3; i++) {
            web.post().uri("/api/sample/widgets").header(HttpHeaders.AUTHORIZATION, token)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"org " + i + "\",\"street\":\"JIANSHE\",\"employees\":3}")
                    .exchange().expectStatus().isCreated();
        }
        // A few relay rounds fail meanwhile; the events stay where they were written.
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(pending()).isEqualTo(3));
        // The service stays ready (readiness is its database); Kafka is a DEGRADED detail answered 200, and the outbox
        // backlog shows in health and in its gauge within a second or two.
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components.kafka").doesNotExist();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            management.get().uri("/actuator/health").exchange().expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("DEGRADED")
                    .jsonPath("$.components.kafka.status").isEqualTo("DEGRADED")
                    .jsonPath("$.components.outbox.details.widgets.pendingEvents").isEqualTo(3);
            assertThat(meters.get("platform.outbox.backlog.events").tag("collection", "widgets").gauge().value()).isEqualTo(3.0);
        });

        // The broker comes up; the address the service was given starts answering.
        broker = new EmbeddedKafkaKraftBroker(1, 1, Topics.REGISTRY_ORGANIZATIONS);
        broker.afterPropertiesSet();
        String[] hostAndPort = broker.getBrokersAsString().split(",")[0].split(":");
        forwarder = TcpForwarder.start(KAFKA_PORT, hostAndPort[0], Integer.parseInt(hostAndPort[1]));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(pending()).isZero());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                meters.get("platform.outbox.backlog.events").tag("collection", "widgets").gauge().value()).isZero());

        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "exactly-once-check", false);
        props.put("auto.offset.reset", "earliest");
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(Topics.REGISTRY_ORGANIZATIONS));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(records::add);
                assertThat(records).hasSizeGreaterThanOrEqualTo(3);
            });
            KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(2)).forEach(records::add);
            Set<String> eventIds = new HashSet<>();
            records.forEach(r -> eventIds.add(CloudEventHeaders.read(r.headers()).id()));
            assertThat(records).hasSize(3);
            assertThat(eventIds).hasSize(3);
        }
    }

    private long pending() {
        return mongo.findAll(Document.class, "widgets").collectList().block().stream()
                .mapToLong(d -> d.getList("outbox", Document.class).size()).sum();
    }
}
