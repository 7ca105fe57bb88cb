package org.partybuilding.funding.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.partybuilding.events.EventType;
import org.partybuilding.events.Topics;
import org.partybuilding.funding.FundingApiTestBase;
import org.partybuilding.funding.ledger.LedgerEntry;
import org.partybuilding.platform.deadletters.DeadLetter;
import org.partybuilding.platform.messaging.DeadLetterHeaders;
import org.partybuilding.platform.test.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The fault-injection run's incomplete record: a parseable {@code PartyOrganizationEstablished} with an id and a
 * version and nothing else. Before, it was stored as a party organization with no street and status and booked a
 * permanent 1,000-yuan start-up grant for a party organization no service knows. Now it books nothing, is stored
 * nowhere, goes to the dead letters with its reasons, is counted, and is parked for an operator.
 */
class IncompleteEventTest extends FundingApiTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void anIncompletePartyOrganizationEstablishedBooksNothingAndIsDeadLetteredWithItsReasonAndCounted() {
        String id = "po-incomplete";
        double before = meters.counter("platform.kafka.dead.letters", "topic", Topics.BRANCH_PARTY_ORGANIZATIONS,
                "reason", DeadLetterHeaders.INVALID_EVENT).count();

        events.publish(Topics.BRANCH_PARTY_ORGANIZATIONS, EventType.PARTY_ORGANIZATION_ESTABLISHED.ceType(), id,
                ("{\"id\":\"" + id + "\",\"version\":1}").getBytes(StandardCharsets.UTF_8));

        List<ConsumerRecord<String, byte[]>> deadLetters = TopicRecords.await(broker,
                Topics.deadLetter(Topics.BRANCH_PARTY_ORGANIZATIONS), id, 1);
        String reason = new String(deadLetters.get(0).headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8);
        assertThat(reason).startsWith("PartyOrganizationSnapshot breaks the event contract")
                .contains("name is required", "street is required", "status is required", "establishedOn is required");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(meters.counter("platform.kafka.dead.letters", "topic", Topics.BRANCH_PARTY_ORGANIZATIONS,
                    "reason", DeadLetterHeaders.INVALID_EVENT).count()).isEqualTo(before + 1);
            assertThat(mongo.find(org.springframework.data.mongodb.core.query.Query.query(Criteria.where("key").is(id)),
                    Document.class, DeadLetter.COLLECTION).collectList().block())
                    .extracting(d -> d.getString("status")).containsExactly(DeadLetter.PARKED);
        });

        assertThat(entries(Criteria.where("partyOrganizationId").is(id))).isEmpty();
        assertThat(mongo.findById(id, Document.class, PartyOrganizationView.COLLECTION).block()).isNull();
        assertThat(state.partyOrganizations().block().stream().noneMatch(p -> p.id().equals(id))).isTrue();
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(
                Criteria.where("partyOrganizationId").is(id)), LedgerEntry.class).block()).isZero();
    }
}
