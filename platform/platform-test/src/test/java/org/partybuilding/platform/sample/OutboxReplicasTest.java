package org.partybuilding.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partybuilding.events.EventType;
import org.partybuilding.events.OrganizationSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.outbox.OutboxEvent;
import org.partybuilding.platform.outbox.OutboxProperties;
import org.partybuilding.platform.outbox.OutboxRelay;
import org.partybuilding.platform.sample.SampleApplication.Widget;
import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Two replicas of one service share a database: two relays, each with its own Kafka producer, on one
 * MongoDB database and one real broker. Every event reaches the topic exactly once, whichever replica
 * wrote it; a dead replica's lease expires and the other takes over; a replica that stops hands over at once.
 */
@PlatformTest
@TestPropertySource(properties = "sample.listener.auto-startup=false")
class OutboxReplicasTest {

    private static final URI SOURCE = URI.create("/sample-service");

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    ProducerFactory<String, byte[]> producers;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EmbeddedKafkaBroker broker;

    private final List<OutboxRelay> relays = new ArrayList<>();
    private final List<DefaultKafkaProducerFactory<String, byte[]>> factories = new ArrayList<>();

    @AfterEach
    void stopReplicas() {
        relays.forEach(OutboxRelay::stop);
        factories.forEach(DefaultKafkaProducerFactory::destroy);
    }

    @Test
    void twoReplicasWritingAndRelayingTogetherPublishEachEventOnce() {
        String collection = "replicated_widgets";
        // a long lease: on a starved machine a holder stalled past a short one could be taken over mid-send,
        // which is the (documented) at-least-once corner, not what this test is about
        OutboxProperties properties = new OutboxProperties(List.of(collection), Duration.ofMillis(50), 100,
                Duration.ofSeconds(60));
        OutboxRelay first = replica(properties);
        OutboxRelay second = replica(properties);
        first.start();
        second.start();

        Set<String> keys = new HashSet<>();
        for (int batch = 0; batch < 20; batch++) {
            List<Widget> widgets = widgets(60, keys);
            mongo.insert(widgets, collection).collectList().block();
            // each replica is told about the writes it made itself, as the services' writes do
            OutboxRelay writer = batch % 2 == 0 ? first : second;
            writer.wakeUp(collection, widgets.stream().map(Widget::id).toList());
        }

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(pending(collection)).isZero());
        // a late duplicate would have been sent before its entry was removed; give it time to arrive
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.await(broker, Topics.REGISTRY_ORGANIZATIONS,
                r -> keys.contains(r.key()), keys.size());
        assertThat(records.stream().map(ConsumerRecord::key).toList()).hasSize(1_200).doesNotHaveDuplicates();
    }

    @Test
    void aDeadReplicasLeaseExpiresAndAReplicaThatStopsHandsOverAtOnce() {
        String collection = "leased_widgets";
        OutboxProperties properties = new OutboxProperties(List.of(collection), Duration.ofHours(1), 100, null);
        Set<String> keys = new HashSet<>();
        mongo.insert(widgets(5, keys), collection).collectList().block();

        // a replica that died left its lease behind, valid for a while yet
        mongo.insert(new Document("_id", collection).append("owner", "dead-replica")
                .append("expiresAt", new Date(System.currentTimeMillis() + 3_600_000)), "outbox_leases").block();
        OutboxRelay survivor = replica(properties);
        assertThat(survivor.relayOnce().block()).as("the lease is still the dead replica's").isZero();
        assertThat(pending(collection)).isEqualTo(5);

        // its time runs out
        mongo.updateFirst(Query.query(Criteria.where("_id").is(collection)),
                new Update().set("expiresAt", new Date(System.currentTimeMillis() - 1)), "outbox_leases").block();
        assertThat(survivor.relayOnce().block()).isEqualTo(5);
        assertThat(pending(collection)).isZero();

        // the survivor holds the lease now: a third replica publishes nothing until the survivor stops
        OutboxRelay third = replica(properties);
        mongo.insert(widgets(3, keys), collection).collectList().block();
        assertThat(third.relayOnce().block()).isZero();
        survivor.start();
        survivor.stop();
        assertThat(third.relayOnce().block()).isEqualTo(3);
        assertThat(pending(collection)).isZero();

        assertThat(TopicRecords.await(broker, Topics.REGISTRY_ORGANIZATIONS, r -> keys.contains(r.key()), 8))
                .extracting(ConsumerRecord::key).doesNotHaveDuplicates();
    }

    /** A relay as another replica of the service would run it: its own Kafka producer, the same database. */
    private OutboxRelay replica(OutboxProperties properties) {
        var factory = new DefaultKafkaProducerFactory<String, byte[]>(producers.getConfigurationProperties());
        factories.add(factory);
        OutboxRelay relay = new OutboxRelay(mongo, new KafkaTemplate<>(factory), properties, SOURCE, meters);
        relays.add(relay);
        return relay;
    }

    private long pending(String collection) {
        return mongo.count(Query.query(Criteria.where("outbox.0").exists(true)), collection).block();
    }

    private static List<Widget> widgets(int count, Set<String> keys) {
        List<Widget> widgets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            keys.add(id);
            var snapshot = new OrganizationSnapshot(id, 1, "社会组织" + i, "51440104MA0000015M", "SOCIAL_GROUP", "DISTRICT", LocalDate.now(), null, null,
                    "JIANSHE", null, null, 3, 0, "NORMAL", "ACTIVE", null, null);
            widgets.add(new Widget(id, 1, "社会组织" + i, "JIANSHE",
                    List.of(OutboxEvent.of(EventType.ORGANIZATION_REGISTERED, snapshot))));
        }
        return widgets;
    }
}
