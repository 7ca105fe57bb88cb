package org.partybuilding.branch.organization;

import java.util.EnumSet;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.partybuilding.events.EventFormatException;
import org.partybuilding.events.EventType;
import org.partybuilding.events.OrganizationSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.messaging.EventHandling;
import org.partybuilding.platform.messaging.IncomingEvent;
import org.partybuilding.platform.messaging.VersionedReadModels;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link OrganizationView} from {@code registry.organizations.v1}. Every event of the topic carries the
 * organization's whole state, so registered, updated and deregistered are applied alike: only where the stored
 * version is lower, so redelivered, replayed or out-of-order events change nothing. A record that is not one of
 * these events fails with {@link EventFormatException} and goes to the dead-letter topic at once.
 */
@Component
class OrganizationProjection {

    private static final Set<EventType> ORGANIZATION_EVENTS = EnumSet.of(
            EventType.ORGANIZATION_REGISTERED, EventType.ORGANIZATION_UPDATED, EventType.ORGANIZATION_DEREGISTERED);

    private final VersionedReadModels readModels;

    OrganizationProjection(VersionedReadModels readModels) {
        this.readModels = readModels;
    }

    @KafkaListener(topics = Topics.REGISTRY_ORGANIZATIONS)
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        event.handledAmong(ORGANIZATION_EVENTS, Set.of());
        OrganizationView organization = OrganizationView.of(event.data(OrganizationSnapshot.class));
        EventHandling.await(readModels.upsertIfNewer(OrganizationView.COLLECTION, organization.id(), organization.version(),
                organization));
    }
}
