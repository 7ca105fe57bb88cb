package org.partybuilding.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
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
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.MeterRegistry;

@PlatformTest
class OutboxAndConsumerTest {

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MeterRegistry meters;

    @Test
    void aWriteAndItsEventAreStoredTogetherAndTheRelayPublishesACloudEvent() {
        String id = web.post().uri("/api/sample/widgets")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.forRole(Role.COMMITTEE_ADMIN)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"越秀区青年志愿者协会\",\"street\":\"JIANSHE\",\"employees\":3}")
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

        // The projection consumed it...
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(mongo.findById(id, Document.class, "organization_views").block()).isNotNull());
        // ...and the entry left the outbox once published.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mongo.findById(id, Document.class, "widgets").block().getList("outbox", Document.class)).isEmpty());

        try (Consumer<String, byte[]> consumer = consumer("ce-check")) {
            consumer.subscribe(List.of(Topics.REGISTRY_ORGANIZATIONS));
            ConsumerRecord<String, byte[]> record = KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(10)).records(Topics.REGISTRY_ORGANIZATIONS)
                    .iterator().next();
            assertThat(record.key()).isEqualTo(id);
            CloudEventAttributes attributes = CloudEventHeaders.read(record.headers());
            assertThat(attributes.type()).isEqualTo("partybuilding.OrganizationRegistered");
            assertThat(attributes.source()).hasToString("/sample-service");
            assertThat(attributes.subject()).isEqualTo(id);
            assertThat(EventCodec.decode(record.value(), OrganizationSnapshot.class).name()).isEqualTo("越秀区青年志愿者协会");
        }
    }

    @Test
    void redeliveredAndOutOfOrderEventsAreAppliedOnlyWhenNewer() throws Exception {
        String id = "org-versioned";
        send(snapshot(id, 2, "second"));
        send(snapshot(id, 1, "first"));
        send(snapshot(id, 2, "second, redelivered with other data"));
        send(snapshot(id, 3, "third"));
        send(snapshot(id, 3, "third again"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Document view = mongo.findById(id, Document.class, "organization_views").block();
            assertThat(view).isNotNull();
            assertThat(view.getLong("version")).isEqualTo(3L);
            assertThat(stale()).isGreaterThanOrEqualTo(3.0);
        });
        assertThat(mongo.findById(id, Document.class, "organization_views").block().getString("name")).isEqualTo("third");
        assertThat(mongo.count(Query.query(Criteria.where("_id").is(id)), "organization_views").block()).isEqualTo(1);
    }

    @Test
    void aFieldTheProducerClearedIsClearedInTheReadModel() throws Exception {
        send(snapshot("org-cleared", 1, "has an industry", "CHARITY"));
        send(snapshot("org-cleared", 2, "has none now", null));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Document view = mongo.findById("org-cleared", Document.class, "organization_views").block();
            assertThat(view).isNotNull();
            assertThat(view.getLong("version")).isEqualTo(2L);
            assertThat(view.containsKey("industry")).isTrue();
            assertThat(view.getString("industry")).isNull();
        });
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndDoesNotStopThePartition() throws Exception {
        kafka.send(new ProducerRecord<>(Topics.REGISTRY_ORGANIZATIONS, "poison", "no CloudEvent headers".getBytes(StandardCharsets.UTF_8))).get();
        send(snapshot("after-poison", 1, "still consumed"));

        try (Consumer<String, byte[]> consumer = consumer("dlt-check")) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.REGISTRY_ORGANIZATIONS)));
            List<ConsumerRecord<String, byte[]>> deadLetters = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(deadLetters::add);
                assertThat(deadLetters).extracting(ConsumerRecord::key).contains("poison");
            });
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(mongo.findById("after-poison", Document.class, "organization_views").block()).isNotNull());
        assertThat(meters.counter("platform.kafka.dead.letters", "topic", Topics.REGISTRY_ORGANIZATIONS, "reason", "invalid-event").count())
                .isGreaterThanOrEqualTo(1.0);
    }

    private double stale() {
        return meters.counter("platform.events.applied", "collection", "organization_views", "outcome", "stale").count();
    }

    private void send(OrganizationSnapshot snapshot) throws Exception {
        var record = new ProducerRecord<String, byte[]>(Topics.REGISTRY_ORGANIZATIONS, snapshot.id(), EventCodec.encode(snapshot));
        CloudEventHeaders.write(new CloudEventAttributes(java.util.UUID.randomUUID().toString(),
                EventType.ORGANIZATION_UPDATED.ceType(), java.net.URI.create("/test"), java.time.Instant.now(), snapshot.id()),
                record.headers());
        kafka.send(record).get();
    }

    private static OrganizationSnapshot snapshot(String id, long version, String name) {
        return snapshot(id, version, name, null);
    }

    private static OrganizationSnapshot snapshot(String id, long version, String name, String industry) {
        return new OrganizationSnapshot(id, version, name, "51440104MA0000015M", "SOCIAL_GROUP", "DISTRICT", LocalDate.of(2020, 1, 1),
                null, industry, "JIANSHE", null, null, 1, 1, "NORMAL", "ACTIVE", null, null);
    }

    private Consumer<String, byte[]> consumer(String group) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, group, false);
        props.put("auto.offset.reset", "earliest");
        return new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new ByteArrayDeserializer()).createConsumer();
    }
}
