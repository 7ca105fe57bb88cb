package org.partybuilding.funding.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.EventType;
import org.partybuilding.events.FundingEntrySnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.funding.FundingApiTestBase;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** Rules 14 and 16: the start-up grant once per party organization, each dues payment returned in full, once. */
class EventBookingTest extends FundingApiTestBase {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void theStartUpGrantIsBookedOnceUnderTripleDeliveryAndAfterAConsumerRestart() {
        String id = "po-startup-1";
        var established = partyOrganization(id, 1, "HUALE", "SINGLE", LocalDate.of(2024, 3, 1), "ACTIVE", "org-s1");
        events.publish(EventType.PARTY_ORGANIZATION_ESTABLISHED, established);
        events.publish(EventType.PARTY_ORGANIZATION_ESTABLISHED, established);
        events.publish(EventType.PARTY_ORGANIZATION_ESTABLISHED, established);
        awaitPartyOrganization(id, 1);
        await().atMost(PATIENCE).until(() -> entry(LedgerEntry.startupId(id)) != null);

        // The consumer stops and starts again (as after a crash), and the establishment arrives once more.
        listeners.stop();
        listeners.start();
        events.publish(EventType.PARTY_ORGANIZATION_ESTABLISHED, established);
        // A later event of the same party organization proves the redelivery was consumed.
        events.publish(EventType.PARTY_ORGANIZATION_UPDATED, partyOrganization(id, 2, "HUALE", "SINGLE",
                LocalDate.of(2024, 3, 1), "ACTIVE", "org-s1"));
        awaitPartyOrganization(id, 2);

        List<LedgerEntry> booked = entries(Criteria.where("partyOrganizationId").is(id));
        assertThat(booked).hasSize(1);
        LedgerEntry grant = booked.get(0);
        assertThat(grant.kind()).isEqualTo(EntryKind.STARTUP_GRANT);
        assertThat(grant.amount()).isEqualByComparingTo("1000.00");
        assertThat(grant.fiscalYear()).isEqualTo(2024);
        assertThat(grant.street()).isEqualTo("HUALE");
        assertThat(grant.cause()).startsWith("event:");
        assertThat(totals.ofYear(2024).block().stream().filter(c -> id.equals(c.key().partyOrganizationId())).toList())
                .singleElement().satisfies(cell -> {
                    assertThat(cell.entries()).isEqualTo(1);
                    assertThat(cell.yuan()).isEqualByComparingTo("1000.00");
                });

        var published = TopicRecords.await(broker, Topics.FUNDING_LEDGER, id, 1);
        FundingEntrySnapshot event = EventCodec.decode(published.get(0).value(), FundingEntrySnapshot.class);
        assertThat(event.id()).isEqualTo(LedgerEntry.startupId(id));
        assertThat(event.kind()).isEqualTo("STARTUP_GRANT");
        assertThat(event.amount()).isEqualTo("1000.00");
    }

    @Test
    void theStartUpGrantIsTheEstablishmentYearsPolicyAndALaterPolicyChangeRewritesNothing() {
        web.put().uri("/api/funding/policies/2019").header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("perMemberYuan", "100.00", "startupYuan", "1500.50")).exchange().expectStatus().isOk();
        establish("po-startup-2019", "HUALE", LocalDate.of(2019, 9, 9), "org-s2");
        await().atMost(PATIENCE).until(() -> entry(LedgerEntry.startupId("po-startup-2019")) != null);

        web.put().uri("/api/funding/policies/2019").header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("perMemberYuan", "100.00", "startupYuan", "2000.00")).exchange().expectStatus().isOk();
        assertThat(entry(LedgerEntry.startupId("po-startup-2019")).amount()).isEqualByComparingTo("1500.50");
    }

    @Test
    void eachDuesPaymentIsReturnedInFullOnceEvenWhenRedelivered() {
        establish("po-dues-1", "DATANG", LocalDate.of(2023, 1, 10), "org-d1");
        var march = dues("m-dues-1", "po-dues-1", "DATANG", "2025-03", "12.35", LocalDate.of(2025, 3, 20));
        var april = dues("m-dues-1", "po-dues-1", "DATANG", "2025-04", "0.20", LocalDate.of(2025, 4, 20));
        events.publish(EventType.DUES_PAID, march);
        events.publish(EventType.DUES_PAID, march);
        events.publish(EventType.DUES_PAID, april);
        events.publish(EventType.DUES_PAID, march);
        await().atMost(PATIENCE).until(() -> entry(LedgerEntry.duesId(april.id())) != null);
        // The redeliveries must not add a third entry, however long they take to arrive.
        await().during(java.time.Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> entries(
                Criteria.where("partyOrganizationId").is("po-dues-1").and("kind").is("DUES_RETURN")).size() == 2);

        List<LedgerEntry> returned = entries(Criteria.where("partyOrganizationId").is("po-dues-1").and("kind").is("DUES_RETURN"));
        assertThat(returned.stream().map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("12.55");
        assertThat(entry(LedgerEntry.duesId(march.id())).fiscalYear()).isEqualTo(2025);
        assertThat(entry(LedgerEntry.duesId(march.id())).street()).isEqualTo("DATANG");
    }
}
