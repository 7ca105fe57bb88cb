package org.partybuilding.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.partybuilding.events.CloudEventAttributes;
import org.partybuilding.events.CloudEventHeaders;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.EventType;
import org.partybuilding.events.MemberSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.deadletters.DeadLetter;
import org.partybuilding.platform.messaging.DeadLetterHeaders;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Events checked at every door and dead letters that come back, through the sample service's listeners: every
 * listener decodes through {@code IncomingEvent.data}, so an incomplete event of any type is dead-lettered at once,
 * with its reason in a header, counted, and parked; a valid record whose retries were exhausted (the database away)
 * comes back by itself after a replay, to its own consumer group's listener only; a poison record is parked, listed on the
 * management port, and replayed by an operator once its cause is fixed.
 */
@PlatformTest
class DeadLettersTest {

    @DynamicPropertySource
    static void quickly(DynamicPropertyRegistry properties) {
        properties.add("platform.kafka.retries", () -> "1");
        properties.add("platform.kafka.retry-interval", () -> "100ms");
        properties.add("platform.kafka.max-retry-interval", () -> "100ms");
        properties.add("platform.kafka.dead-letters.replay-delay", () -> "1s");
        properties.add("platform.kafka.dead-letters.poll-interval", () -> "300ms");
    }

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Autowired
    SampleApplication.Faults faults;

    @LocalManagementPort
    int managementPort;

    /** The incomplete record of the fault-injection run: parseable, an id and a version, nothing else. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void anIncompleteEventOfAnyTypeIsDeadLetteredAtOnceWithItsReasonCountedAndParked(EventType type) throws Exception {
        String key = "incomplete-" + type.name();
        double before = deadLetters(type.topic(), DeadLetterHeaders.INVALID_EVENT);
        send(type, key, ("{\"id\":\"" + key + "\",\"version\":1}").getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(type.topic(), key);
        assertThat(header(deadLetter, DeadLetterHeaders.REASON))
                .startsWith(type.dataType().getSimpleName() + " breaks the event contract").contains("is required");
        assertThat(header(deadLetter, DeadLetterHeaders.REASON_CLASS)).isEqualTo(DeadLetterHeaders.INVALID_EVENT);
        assertThat(header(deadLetter, DeadLetterHeaders.EXCEPTION)).isEqualTo("EventFormatException");
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("breaks the event contract");
        assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).startsWith("sample-");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(deadLetters(type.topic(), DeadLetterHeaders.INVALID_EVENT)).isGreaterThan(before);
            assertThat(letters(key)).extracting(d -> d.getString("status")).containsOnly(DeadLetter.PARKED).isNotEmpty();
        });
        // nothing was stored for it anywhere
        assertThat(mongo.findById(key, Document.class, "organization_views").block()).isNull();
        assertThat(mongo.findById(key, Document.class, "member_views").block()).isNull();
    }

    @Test
    void aValidRecordWhoseRetriesWereExhaustedArrivesAfterTheReplayForItsOwnGroupOnly() throws Exception {
        String id = "flaky-" + UUID.randomUUID();
        faults.failTransiently(id, 2); // two attempts (one retry) fail: the record goes to the dead letters
        send(EventType.MEMBER_REGISTERED, id, EventCodec.encode(member(id, "李明")));

        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(Topics.MEMBER_MEMBERS, id);
        assertThat(header(deadLetter, DeadLetterHeaders.REASON_CLASS)).isEqualTo(DeadLetterHeaders.RETRIES_EXHAUSTED);
        assertThat(header(deadLetter, DeadLetterHeaders.EXCEPTION)).isEqualTo("DataAccessResourceFailureException");
        assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo("sample-members");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Document view = mongo.findById(id, Document.class, "member_views").block();
            assertThat(view).isNotNull();
            assertThat(view.getString("name")).isEqualTo("李明");
            assertThat(letters(id)).extracting(d -> d.getString("status")).containsOnly(DeadLetter.REPLAYED);
        });
        // the other group of the topic saw the record once: the replay was not for it
        assertThat(faults.seenByAudit(id)).isEqualTo(1);
    }

    @Test
    void aPoisonRecordIsParkedListedAndReplayedByAnOperatorOnceItsCauseIsFixed() throws Exception {
        String id = "poison-" + UUID.randomUUID();
        send(EventType.MEMBER_REGISTERED, id, EventCodec.encode(member(id, "poison 王五")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(letters(id)).extracting(d -> d.getString("status")).containsExactly(DeadLetter.PARKED));

        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
        String listing = management.get().uri("/actuator/deadletters").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(listing).contains(id, "\"status\":\"PARKED\"", "not known to this consumer yet", "invalid-event")
                .contains("\"parked\":");
        String letterId = letters(id).get(0).getString("_id");

        // replaying is an operator's act: a district admin's token
        management.post().uri("/actuator/deadletters").exchange().expectStatus().isUnauthorized();
        management.post().uri("/actuator/deadletters").header(HttpHeaders.AUTHORIZATION,
                TestTokens.bearer(TestTokens.forRole(Role.AUDITOR))).exchange().expectStatus().isForbidden();

        faults.fixPoison();
        management.post().uri("/actuator/deadletters/" + letterId).header(HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer(TestTokens.forRole(Role.DISTRICT_ADMIN)))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.replaying").isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(mongo.findById(id, Document.class, "member_views").block()).isNotNull();
            assertThat(letters(id)).extracting(d -> d.getString("status")).containsExactly(DeadLetter.REPLAYED);
        });
        assertThat(faults.seenByAudit(id)).isEqualTo(1);
        assertThat(meters.find("platform.kafka.dead.letters.waiting").gauges()).isNotEmpty();
    }

    private static MemberSnapshot member(String id, String name) {
        return new MemberSnapshot(id, 1, name, "MALE", "org-1", null, "JIANSHE", "FORMAL", "ACTIVE", false, false,
                LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1));
    }

    private List<Document> letters(String key) {
        return mongo.find(Query.query(Criteria.where("key").is(key)), Document.class, DeadLetter.COLLECTION).collectList().block();
    }

    private double deadLetters(String topic, String reason) {
        return meters.counter("platform.kafka.dead.letters", "topic", topic, "reason", reason).count();
    }

    private void send(EventType type, String key, byte[] data) throws Exception {
        var record = new ProducerRecord<String, byte[]>(type.topic(), key, data);
        CloudEventHeaders.write(new CloudEventAttributes(UUID.randomUUID().toString(), type.ceType(),
                java.net.URI.create("/test"), Instant.now(), key), record.headers());
        kafka.send(record).get();
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(String topic, String key) {
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(
                KafkaTestUtils.consumerProps(broker, "dlt-" + UUID.randomUUID(), false),
                new StringDeserializer(), new ByteArrayDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(Topics.deadLetter(topic)));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(seen::add);
                assertThat(seen).extracting(ConsumerRecord::key).contains(key);
            });
            return seen.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

}
