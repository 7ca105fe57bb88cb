package org.partybuilding.branch.organization;

import java.util.EnumSet;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.partybuilding.branch.domain.CoverageInputs;
import org.partybuilding.events.EventFormatException;
import org.partybuilding.events.EventType;
import org.partybuilding.events.OrganizationSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.messaging.VersionedReadModels;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Keeps {@link OrganizationView} from {@code registry.organizations.v1}. Every event of the topic carries the
 * organization's whole state, so registered, updated and deregistered are applied alike: only where the stored
 * version is lower, so redelivered, replayed or out-of-order events change nothing. A record that is not one of
 * these events fails with {@link EventFormatException} and goes to the dead-letter topic at once. A deregistered
 * organization leaves the joint party organizations covering it (rule 6, {@link DeregistrationFollowUp}).
 */
@Component
class OrganizationProjection {

    private static final Set<EventType> ORGANIZATION_EVENTS = EnumSet.of(
            EventType.ORGANIZATION_REGISTERED, EventType.ORGANIZATION_UPDATED, EventType.ORGANIZATION_DEREGISTERED);

    private final VersionedReadModels readModels;
    private final ReactiveMongoTemplate mongo;
    private final CoverageInputs changes;
    private final DeregistrationFollowUp deregistrations;

    OrganizationProjection(VersionedReadModels readModels, ReactiveMongoTemplate mongo, CoverageInputs changes,
            DeregistrationFollowUp deregistrations) {
        this.readModels = readModels;
        this.mongo = mongo;
        this.changes = changes;
        this.deregistrations = deregistrations;
    }

    // One consumer per partition (an organization's events stay in order on its partition).
    @KafkaListener(topics = Topics.REGISTRY_ORGANIZATIONS, concurrency = "${platform.kafka.partitions:3}")
    void on(ConsumerRecord<String, byte[]> record) {
        readModels.project(record, ORGANIZATION_EVENTS, Set.of(), OrganizationSnapshot.class, OrganizationView.COLLECTION,
                OrganizationView::of, organization -> (organization.applied()
                        ? changes.changed(CoverageInputs.Kind.ORGANIZATION, organization.view().id()) : Mono.empty())
                        // Rule 6 follows the stored state, not the event: a replayed deregistration of an organization
                        // registered again later does nothing, and one whose effect a crash interrupted is finished on redelivery.
                        .then(mongo.findById(organization.view().id(), OrganizationView.class, OrganizationView.COLLECTION))
                        .filter(stored -> !stored.active())
                        .flatMap(stored -> deregistrations.organizationDeregistered(stored.id())));
    }
}
