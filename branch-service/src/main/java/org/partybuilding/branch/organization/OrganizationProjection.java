package org.partybuilding.branch.organization;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.partybuilding.events.OrganizationSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.messaging.EventHandling;
import org.partybuilding.platform.messaging.IncomingEvent;
import org.partybuilding.platform.messaging.VersionedReadModels;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the organization read model from registry events; version-guarded, so replays change nothing. */
@Component
class OrganizationProjection {

    private final VersionedReadModels readModels;

    OrganizationProjection(VersionedReadModels readModels) {
        this.readModels = readModels;
    }

    @KafkaListener(topics = Topics.REGISTRY_ORGANIZATIONS)
    void on(ConsumerRecord<String, byte[]> record) {
        OrganizationSnapshot organization = IncomingEvent.from(record).data(OrganizationSnapshot.class);
        EventHandling.await(readModels.upsertIfNewer(OrganizationView.COLLECTION, organization.id(), organization.version(),
                OrganizationView.of(organization)));
    }
}
