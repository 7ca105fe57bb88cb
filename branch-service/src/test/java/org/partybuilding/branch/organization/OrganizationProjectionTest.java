package org.partybuilding.branch.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partybuilding.branch.RegistryEvents.organization;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partybuilding.branch.RegistryEvents;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.EventType;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.test.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import io.micrometer.core.instrument.MeterRegistry;

/** The organization read model follows registry events, version-guarded, and survives records it cannot read. */
@PlatformTest
class OrganizationProjectionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    RegistryEvents registry;

    @BeforeEach
    void registry() {
        registry = new RegistryEvents(kafka);
    }

    private OrganizationView stored(String id) {
        return mongo.findById(id, OrganizationView.class, OrganizationView.COLLECTION).block();
    }

    /** Records of one partition are applied in order: once this one is stored, everything sent before it was handled. */
    private void publishMarkerAndAwait(String street) {
        String marker = "marker-" + System.nanoTime();
        registry.publish(EventType.ORGANIZATION_REGISTERED, organization(marker, street).snapshot());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stored(marker)).isNotNull());
    }

    private double stale() {
        return meters.counter("platform.events.applied", "collection", OrganizationView.COLLECTION, "outcome", "stale").count();
    }

    @Test
    void aNewerVersionIsAppliedWhileRedeliveredAndOlderOnesChangeNothing() {
        var v1 = organization("o-versions", "DADONG").named("越秀区青年志愿者协会");
        registry.publish(EventType.ORGANIZATION_REGISTERED, v1.snapshot());
        registry.publish(EventType.ORGANIZATION_UPDATED, v1.version(2).named("越秀区青年志愿者联合会").snapshot());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stored("o-versions").version()).isEqualTo(2));
        double staleBefore = stale();

        registry.publish(EventType.ORGANIZATION_UPDATED, v1.version(2).named("redelivered with other data").snapshot());
        registry.publish(EventType.ORGANIZATION_REGISTERED, v1.snapshot());
        publishMarkerAndAwait("DADONG");

        OrganizationView view = stored("o-versions");
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.name()).isEqualTo("越秀区青年志愿者联合会");
        assertThat(stale() - staleBefore).isEqualTo(2.0);
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is("o-versions")), OrganizationView.COLLECTION)
                .block()).isEqualTo(1);
    }

    @Test
    void aFieldTheRegistryClearedIsClearedHereToo() {
        var v1 = organization("o-cleared", "ZHUGUANG").supervisedBy("越秀区文化广电旅游局");
        registry.publish(EventType.ORGANIZATION_REGISTERED, v1.snapshot());
        registry.publish(EventType.ORGANIZATION_UPDATED, v1.version(2).supervisedBy(null).snapshot());

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stored("o-cleared").version()).isEqualTo(2));
        assertThat(stored("o-cleared").supervisoryUnit()).isNull();
    }

    @Test
    void recordsThatAreNotOrganizationEventsGoToTheDeadLetterTopicAndLaterRecordsAreStillApplied() {
        double deadBefore = meters.counter("platform.kafka.dead.letters", "topic", Topics.REGISTRY_ORGANIZATIONS, "reason", "invalid-event").count();
        registry.send(new ProducerRecord<>(Topics.REGISTRY_ORGANIZATIONS, "dl-no-headers", "{}".getBytes(StandardCharsets.UTF_8)));
        registry.publish(EventType.ORGANIZATION_UPDATED.ceType(), "dl-not-json", "{not json".getBytes(StandardCharsets.UTF_8));
        registry.publish(EventType.MEMBER_REGISTERED.ceType(), "dl-wrong-type",
                EventCodec.encode(organization("dl-wrong-type", "BAIYUN").snapshot()));
        registry.publish(EventType.ORGANIZATION_REGISTERED.ceType(), "dl-no-street",
                EventCodec.encode(organization("dl-no-street", null).snapshot()));
        registry.publish(EventType.ORGANIZATION_REGISTERED, organization("o-after-poison", "BAIYUN").snapshot());

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stored("o-after-poison")).isNotNull());
        assertThat(stored("dl-wrong-type")).isNull();
        assertThat(stored("dl-no-street")).isNull();

        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "dead-letter-reader", false);
        props.put("auto.offset.reset", "earliest");
        try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()).createConsumer()) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.REGISTRY_ORGANIZATIONS)));
            List<String> keys = new ArrayList<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(r -> keys.add(r.key()));
                assertThat(keys).contains("dl-no-headers", "dl-not-json", "dl-wrong-type", "dl-no-street");
            });
        }
        assertThat(meters.counter("platform.kafka.dead.letters", "topic", Topics.REGISTRY_ORGANIZATIONS, "reason", "invalid-event").count() - deadBefore)
                .isEqualTo(4.0);
    }
}
