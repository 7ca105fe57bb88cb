package org.partybuilding.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.metrics.ReadModelGauges;
import org.partybuilding.platform.outbox.OutboxBacklog;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What monitoring needs from the starter: trace context across the outbox and Kafka, and the metrics scraped. A
 * context (database, broker) of its own: its widgets and records must not meet the other classes' assertions.
 */
@PlatformTest
@TestPropertySource(properties = "platform.metrics.read-model-refresh=1h")
class MonitoringTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    ReadModelGauges gauges;

    @Autowired
    Environment environment;

    @Autowired
    io.micrometer.observation.ObservationRegistry observations;

    @Test
    void springSecurityIsNotObservedButTheRequestIs() {
        assertThat(io.micrometer.observation.Observation.start("spring.security.filterchains", observations).isNoop()).isTrue();
        assertThat(io.micrometer.observation.Observation.start("spring.security.authorizations", observations).isNoop()).isTrue();
        assertThat(io.micrometer.observation.Observation.start("http.server.requests", observations).isNoop()).isFalse();
    }

    @Test
    void theTraceOfTheRequestContinuesThroughTheOutboxAndKafkaIntoTheConsumer() {
        String id = web.post().uri("/api/sample/widgets")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.forRole(Role.COMMITTEE_ADMIN)))
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"越秀区书法协会\",\"street\":\"JIANSHE\",\"employees\":3}")
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

        // The consumer's span (Spring Kafka's listener observation) is in the request's trace.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Document view = mongo.findById(id, Document.class, "organization_views").block();
            assertThat(view).isNotNull();
            assertThat(view.getString("traceparent")).startsWith("00-" + TRACE_ID + "-");
        });
        // The relay, on its own thread long after the request, sent the trace context as a header.
        try (Consumer<String, byte[]> consumer = consumer("trace-check")) {
            consumer.subscribe(List.of(Topics.REGISTRY_ORGANIZATIONS));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                List<ConsumerRecord<String, byte[]>> mine = new java.util.ArrayList<>();
                KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(r -> {
                    if (id.equals(r.key())) {
                        mine.add(r);
                    }
                });
                assertThat(mine).isNotEmpty();
                Header traceparent = mine.get(0).headers().lastHeader("traceparent");
                assertThat(traceparent).isNotNull();
                assertThat(new String(traceparent.value())).startsWith("00-" + TRACE_ID + "-");
            });
        }
    }

    @Test
    void theBacklogCountsPendingEventsAndTheAgeOfTheOldest() {
        Instant now = Instant.parse("2026-11-21T08:00:00Z");
        String collection = "backlog_sample";
        mongo.insert(new Document("_id", "a").append("outbox", List.of(entry(now.minusSeconds(90)), entry(now.minusSeconds(10)))),
                collection).block();
        mongo.insert(new Document("_id", "b").append("outbox", List.of(entry(now.minusSeconds(30)))), collection).block();
        mongo.insert(new Document("_id", "c").append("outbox", List.of()), collection).block();
        mongo.insert(new Document("_id", "d"), collection).block();

        OutboxBacklog backlog = new OutboxBacklog(mongo, List.of(collection, "backlog_empty"), Clock.fixed(now, ZoneOffset.UTC));
        Map<String, OutboxBacklog.Backlog> read = backlog.read().block();

        assertThat(read.get(collection)).isEqualTo(new OutboxBacklog.Backlog(3, Duration.ofSeconds(90)));
        assertThat(read.get("backlog_empty")).isEqualTo(new OutboxBacklog.Backlog(0, Duration.ZERO));
    }

    private static Document entry(Instant time) {
        return new Document("eventId", java.util.UUID.randomUUID().toString()).append("topic", "t").append("time", Date.from(time));
    }

    @Test
    void theScrapeHasTheMetricsTheAlertsAndDashboardsReadAndStaysSmall() {
        // something to measure: a request, and its event through the relay and the consumer
        web.post().uri("/api/sample/widgets")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.forRole(Role.COMMITTEE_ADMIN)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"越秀区摄影协会\",\"street\":\"JIANSHE\",\"employees\":3}")
                .exchange().expectStatus().isCreated();
        gauges.refresh().block();
        WebTestClient management = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + environment.getProperty("local.management.port")).build();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(scrape)
                    .contains("http_server_requests_seconds_bucket{application=\"sample-service\"")
                    .contains("le=\"0.1\"")
                    .contains("platform_outbox_backlog_events{application=\"sample-service\",collection=\"widgets\"}")
                    .contains("platform_outbox_backlog_oldest_age_seconds{application=\"sample-service\",collection=\"widgets\"}")
                    .contains("platform_kafka_dead_letters_total{application=\"sample-service\",reason=\"invalid-event\",topic=\"" + Topics.REGISTRY_ORGANIZATIONS + "\"}")
                    .contains("kafka_consumer_fetch_manager_records_lag_max{")
                    .contains("kafka_producer_record_send_total{")
                    .contains("platform_health_readiness{application=\"sample-service\"} 1.0");
            // Micrometer's default percentile buckets (~70 per series) are gone; the Kafka clients' hundreds of meters too
            assertThat(scrape).doesNotContain("le=\"0.001398101\"").doesNotContain("kafka_consumer_fetch_manager_fetch_size_avg")
                    .doesNotContain("spring_security_").doesNotContain("uri=\"/actuator");
            assertThat(scrape.length()).isLessThan(64 * 1024);
        });
        // A sampled request, then the scrape as Prometheus asks for it (OpenMetrics): no exemplars, which Prometheus 2.x
        // refuses on a histogram's _count — the whole scrape would fail and the service look down.
        web.post().uri("/api/sample/widgets")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.forRole(Role.COMMITTEE_ADMIN)))
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b8-01")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"越秀区棋类协会\",\"street\":\"JIANSHE\",\"employees\":3}")
                .exchange().expectStatus().isCreated();
        String openMetrics = management.get().uri("/actuator/prometheus")
                .header(HttpHeaders.ACCEPT, "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(openMetrics).contains("http_server_requests_seconds_count{").doesNotContain("trace_id=");
    }

    private Consumer<String, byte[]> consumer(String group) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, group, false);
        props.put("auto.offset.reset", "earliest");
        return new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new ByteArrayDeserializer()).createConsumer();
    }
}
