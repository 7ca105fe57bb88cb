package org.partybuilding.registry.organization;

import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.partybuilding.events.EventType;
import org.partybuilding.events.OrganizationSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.messaging.EventHandling;
import org.partybuilding.platform.messaging.IncomingEvent;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Fills the {@link OrganizationDirectory} from the database before the service reports ready, and
 * keeps it current with the changes other instances make: every instance reads the organization
 * events in a consumer group of its own, and takes a newer organization from the database.
 */
@Component
class OrganizationDirectoryUpdates implements ApplicationRunner {

    private static final Set<EventType> ORGANIZATION_EVENTS = Set.of(EventType.ORGANIZATION_REGISTERED,
            EventType.ORGANIZATION_UPDATED, EventType.ORGANIZATION_DEREGISTERED);

    private final OrganizationDirectory directory;
    private final ReactiveMongoTemplate mongo;

    OrganizationDirectoryUpdates(OrganizationDirectory directory, ReactiveMongoTemplate mongo) {
        this.directory = directory;
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        mongo.findAll(Organization.class).doOnNext(directory::put).then().block();
    }

    @KafkaListener(topics = Topics.REGISTRY_ORGANIZATIONS,
            groupId = "registry-service-directory-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=latest")
    void onOrganization(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        event.handledAmong(ORGANIZATION_EVENTS, Set.of());
        OrganizationSnapshot snapshot = event.data(OrganizationSnapshot.class);
        if (directory.holds(snapshot.id(), snapshot.version())) {
            return;
        }
        EventHandling.await(mongo.findById(snapshot.id(), Organization.class).doOnNext(directory::put).then(Mono.empty()));
    }
}
