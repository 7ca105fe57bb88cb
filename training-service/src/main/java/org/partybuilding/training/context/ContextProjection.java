package org.partybuilding.training.context;

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

import reactor.core.publisher.Mono;

/**
 * Keeps what training-service needs of members and party organizations, version-guarded so that
 * redelivered, replayed and out-of-order events change nothing; this instance's in-memory {@link Directory}
 * follows at once, and {@link TrainingChanges} tells the other instances which document to read again.
 */
@Component
class ContextProjection {

    private static final Set<EventType> MEMBER_EVENTS = EnumSet.of(EventType.MEMBER_REGISTERED, EventType.MEMBER_UPDATED,
            EventType.MEMBER_STAGE_CHANGED, EventType.MEMBER_TRANSFERRED, EventType.MEMBER_LEFT);
    private static final Set<EventType> PARTY_ORGANIZATION_EVENTS = EnumSet.of(EventType.PARTY_ORGANIZATION_ESTABLISHED,
            EventType.PARTY_ORGANIZATION_UPDATED, EventType.PARTY_ORGANIZATION_DISSOLVED);

    private final VersionedReadModels readModels;
    private final Directory directory;
    private final TrainingChanges changes;

    ContextProjection(VersionedReadModels readModels, Directory directory, TrainingChanges changes) {
        this.readModels = readModels;
        this.directory = directory;
        this.changes = changes;
    }

    @KafkaListener(topics = Topics.MEMBER_MEMBERS)
    void onMember(ConsumerRecord<String, byte[]> record) {
        readModels.project(record, MEMBER_EVENTS, Set.of(EventType.DUES_PAID), MemberSnapshot.class, KnownMember.COLLECTION,
                m -> new KnownMember(m.id(), m.version(), m.name(), m.organizationId(), m.partyOrganizationId(), m.street(),
                        m.stage(), m.status()),
                // on every delivery, applied or not: a redelivery after a stop before the step takes it
                projected -> Mono.fromRunnable(() -> directory.put(projected.view()))
                        .then(changes.changed(TrainingChanges.Kind.MEMBER, projected.view().id())));
    }

    @KafkaListener(topics = Topics.BRANCH_PARTY_ORGANIZATIONS)
    void onPartyOrganization(ConsumerRecord<String, byte[]> record) {
        readModels.project(record, PARTY_ORGANIZATION_EVENTS, Set.of(EventType.INSTRUCTOR_ASSIGNED, EventType.COVERAGE_OUTLOOK_CHANGED),
                PartyOrganizationSnapshot.class, KnownPartyOrganization.COLLECTION,
                p -> new KnownPartyOrganization(p.id(), p.version(), p.name(), p.type(), p.formation(), p.street(), p.status(),
                        p.establishedOn(), p.dissolvedOn(), p.secretaryMemberId(),
                        p.committee().stream().map(PartyOrganizationSnapshot.CommitteeSeat::memberId)
                                .filter(java.util.Objects::nonNull).distinct().toList()),
                // on every delivery, applied or not: a redelivery after a stop before the step takes it
                projected -> Mono.fromRunnable(() -> directory.put(projected.view()))
                        .then(changes.changed(TrainingChanges.Kind.PARTY_ORGANIZATION, projected.view().id())));
    }
}
