package org.partybuilding.registry.ledger;

import java.util.EnumSet;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.partybuilding.events.EventType;
import org.partybuilding.events.MemberSnapshot;
import org.partybuilding.events.PartyOrganizationSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.messaging.VersionedReadModels;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the ledger's copies of party organizations and members from their services' events. Each
 * event carries the whole state and its version and is applied only over an older version, so
 * redelivered, replayed and out-of-order events leave the ledger as the newest state says.
 * Events of these topics that are not about these aggregates (instructors, dues) are not the
 * ledger's business and are skipped; a record that is not an event at all goes to the dead letters.
 */
@Component
class LedgerProjection {

    private static final Set<EventType> PARTY_ORGANIZATION_EVENTS = EnumSet.of(EventType.PARTY_ORGANIZATION_ESTABLISHED,
            EventType.PARTY_ORGANIZATION_UPDATED, EventType.PARTY_ORGANIZATION_DISSOLVED);
    private static final Set<EventType> MEMBER_EVENTS = EnumSet.of(EventType.MEMBER_REGISTERED, EventType.MEMBER_UPDATED,
            EventType.MEMBER_STAGE_CHANGED, EventType.MEMBER_TRANSFERRED, EventType.MEMBER_LEFT);

    private final VersionedReadModels readModels;

    LedgerProjection(VersionedReadModels readModels) {
        this.readModels = readModels;
    }

    @KafkaListener(topics = Topics.BRANCH_PARTY_ORGANIZATIONS)
    void onPartyOrganization(ConsumerRecord<String, byte[]> record) {
        readModels.project(record, PARTY_ORGANIZATION_EVENTS, Set.of(EventType.INSTRUCTOR_ASSIGNED, EventType.COVERAGE_OUTLOOK_CHANGED),
                PartyOrganizationSnapshot.class, LedgerPartyOrganization.COLLECTION, LedgerPartyOrganization::of);
    }

    @KafkaListener(topics = Topics.MEMBER_MEMBERS)
    void onMember(ConsumerRecord<String, byte[]> record) {
        readModels.project(record, MEMBER_EVENTS, Set.of(EventType.DUES_PAID), MemberSnapshot.class, LedgerMember.COLLECTION,
                LedgerMember::of);
    }
}
