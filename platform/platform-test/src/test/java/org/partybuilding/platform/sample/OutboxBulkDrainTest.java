package org.partybuilding.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.partybuilding.events.EventType;
import org.partybuilding.events.OrganizationSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.outbox.BulkInserts;
import org.partybuilding.platform.outbox.OutboxEvent;
import org.partybuilding.platform.outbox.OutboxRelay;
import org.partybuilding.platform.sample.SampleApplication.Widget;
import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;

/**
 * A bulk import's events leave right after it, every one of them, not a batch of 500 per poll: with
 * polling as good as off, only the import's wake-up can have published them. While a bulk write
 * holds the relay back, nothing leaves.
 */
@PlatformTest
@TestPropertySource(properties = {"platform.outbox.poll-interval=1h", "sample.listener.auto-startup=false"})
class OutboxBulkDrainTest {

    private static final int WIDGETS = 1_234;

    @Autowired
    BulkInserts inserts;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    OutboxRelay relay;

    @Test
    void everyEventOfABulkInsertIsPublishedAfterOneWakeUp() {
        // the relay's first poll (at start) has passed
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        Set<String> ids = new HashSet<>();
        List<Widget> widgets = widgets(WIDGETS, ids);

        assertThat(inserts.insert(widgets, Widget.class, Widget::id).block()).hasSize(WIDGETS).containsOnly(true);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pending()).isZero());
        assertThat(TopicRecords.await(broker, Topics.REGISTRY_ORGANIZATIONS, r -> ids.contains(r.key()), WIDGETS))
                .extracting(r -> r.key()).doesNotHaveDuplicates();
    }

    @Test
    void aBulkWriteHoldsTheRelayBackUntilItEndsAndItsEventsLeaveRightAfter() {
        await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);
        Set<String> ids = new HashSet<>();
        List<Widget> widgets = widgets(20, ids);

        // the insert is done at once; the bulk write it belongs to goes on for 3 s more
        var bulkWrite = relay.holdingBackDuring(inserts.insert(widgets, Widget.class, Widget::id)
                .delayElement(Duration.ofSeconds(3))).toFuture();

        await().atMost(Duration.ofSeconds(2)).until(() -> pending() == 20);
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        assertThat(pending()).as("held back while the bulk write runs").isEqualTo(20);
        bulkWrite.join();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(pending()).isZero());
        assertThat(TopicRecords.await(broker, Topics.REGISTRY_ORGANIZATIONS, r -> ids.contains(r.key()), 20)).hasSize(20);
    }

    @Test
    void eachStoredBatchIsHandedOverOnceAndAllOfThemBeforeTheAnswer() {
        Set<String> ids = new HashSet<>();
        List<Widget> widgets = widgets(WIDGETS, ids);
        List<String> handedOver = java.util.Collections.synchronizedList(new ArrayList<>());
        Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();

        List<Boolean> stored = inserts.insert(widgets, Widget.class, Widget::id, batch -> {
            threads.add(Thread.currentThread().getName());
            batch.forEach(widget -> handedOver.add(widget.id()));
        }).block();

        assertThat(stored).hasSize(WIDGETS).containsOnly(true);
        assertThat(handedOver).as("every widget, once, by the time the answer came").hasSize(WIDGETS).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(threads).as("not on the driver's threads").allMatch(name -> name.startsWith("parallel-"));
    }

    private long pending() {
        return mongo.count(Query.query(Criteria.where("outbox.0").exists(true)), "widgets").block();
    }

    private static List<Widget> widgets(int count, Set<String> ids) {
        List<Widget> widgets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            var snapshot = new OrganizationSnapshot(id, 1, "社会组织" + i, "51440104MA0000015M", "SOCIAL_GROUP", "DISTRICT", LocalDate.now(), null, null,
                    "JIANSHE", null, null, 3, 0, "NORMAL", "ACTIVE", null, null);
            widgets.add(new Widget(id, 1, "社会组织" + i, "JIANSHE", List.of(OutboxEvent.of(EventType.ORGANIZATION_REGISTERED, snapshot))));
        }
        return widgets;
    }
}
