package org.partybuilding.funding.projection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.partybuilding.events.CoverageOutlookSnapshot;
import org.partybuilding.events.DuesPaymentSnapshot;
import org.partybuilding.events.EventType;
import org.partybuilding.events.MemberSnapshot;
import org.partybuilding.events.PartyOrganizationSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.funding.context.CoverageOutlookView;
import org.partybuilding.funding.context.DistrictState;
import org.partybuilding.funding.context.MemberView;
import org.partybuilding.funding.context.PartyOrganizationView;
import org.partybuilding.funding.ledger.Bookings;
import org.partybuilding.platform.messaging.EventHandling;
import org.partybuilding.platform.messaging.IncomingEvent;
import org.partybuilding.platform.messaging.VersionedReadModels;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The two topics funding reads, one listener each (branch's topic also brings the streets' coverage outlooks, which
 * the forecast expects its new party organizations from) (one consumer group per service, so a topic must have one
 * listener here). Read models are upserted in MongoDB only over an older version (a member's: every version added to
 * its dated history once, {@link DistrictState#apply}); the bookings they cause (start-up grant, dues return) are
 * idempotent by the entry's natural key. A booking runs after the read model, and on every delivery, so a redelivery
 * after a crash between the two books what was missed, and only that.
 */
@Component
class Projections {

    private static final Set<EventType> PARTY_ORGANIZATION_EVENTS = EnumSet.of(EventType.PARTY_ORGANIZATION_ESTABLISHED,
            EventType.PARTY_ORGANIZATION_UPDATED, EventType.PARTY_ORGANIZATION_DISSOLVED, EventType.COVERAGE_OUTLOOK_CHANGED);
    private static final Set<EventType> MEMBER_EVENTS = EnumSet.of(EventType.MEMBER_REGISTERED, EventType.MEMBER_UPDATED,
            EventType.MEMBER_STAGE_CHANGED, EventType.MEMBER_TRANSFERRED, EventType.MEMBER_LEFT, EventType.DUES_PAID);

    private final VersionedReadModels readModels;
    private final DistrictState state;
    private final Bookings bookings;
    private final Clock clock;

    Projections(VersionedReadModels readModels, DistrictState state, Bookings bookings, Clock clock) {
        this.readModels = readModels;
        this.state = state;
        this.bookings = bookings;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.BRANCH_PARTY_ORGANIZATIONS)
    void onPartyOrganization(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!event.handledAmong(PARTY_ORGANIZATION_EVENTS, Set.of(EventType.INSTRUCTOR_ASSIGNED))) {
            return;
        }
        if (event.type().orElseThrow() == EventType.COVERAGE_OUTLOOK_CHANGED) {
            CoverageOutlookView outlook = CoverageOutlookView.of(event.data(CoverageOutlookSnapshot.class));
            EventHandling.await(readModels.upsertIfNewer(CoverageOutlookView.COLLECTION, outlook.id(), outlook.version(), outlook));
            return;
        }
        PartyOrganizationSnapshot snapshot = event.data(PartyOrganizationSnapshot.class);
        PartyOrganizationView view = PartyOrganizationView.of(snapshot);
        Mono<?> booking = event.type().orElseThrow() == EventType.PARTY_ORGANIZATION_ESTABLISHED
                ? bookings.startupGrant(snapshot, event.attributes().id())
                : Mono.empty();
        EventHandling.await(readModels.upsertIfNewer(PartyOrganizationView.COLLECTION, view.id(), view.version(), view)
                .then(booking));
    }

    // One consumer per partition (a member's events stay in order on its partition; the read model's writes are
    // conditional single-document writes): a 100,000-member import is applied three events at a time instead of one.
    @KafkaListener(topics = Topics.MEMBER_MEMBERS, concurrency = "${platform.kafka.partitions:3}")
    void onMember(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!event.handledAmong(MEMBER_EVENTS, Set.of())) {
            return;
        }
        if (event.type().orElseThrow() == EventType.DUES_PAID) {
            EventHandling.await(bookings.duesReturn(event.data(DuesPaymentSnapshot.class), event.attributes().id()));
            return;
        }
        // The member's dated history (rule 15): every version once, merged into the stored document by a conditional
        // write (another instance may hold the partition for a moment during a rebalance).
        LocalDate on = LocalDate.ofInstant(event.attributes().time(), clock.getZone());
        EventHandling.await(state.apply(MemberView.of(event.data(MemberSnapshot.class), on)));
    }
}
