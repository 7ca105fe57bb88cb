package org.partybuilding.member.projection;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.partybuilding.events.EventType;
import org.partybuilding.events.OrganizationSnapshot;
import org.partybuilding.events.PartyOrganizationSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.events.TrainingAttendanceSnapshot;
import org.partybuilding.member.context.KnownOrganization;
import org.partybuilding.member.context.KnownPartyOrganization;
import org.partybuilding.member.context.TrainingAttendance;
import org.partybuilding.member.members.Member;
import org.partybuilding.member.members.MemberAction;
import org.partybuilding.member.members.MemberAudit;
import org.partybuilding.platform.audit.Actor;
import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.audit.FieldChange;
import org.partybuilding.platform.messaging.VersionedReadModels;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Keeps what member-service needs of other services, version-guarded so that redelivered, replayed
 * and out-of-order events change nothing: organizations (for the street a member is seen in), party
 * organizations (and, when a newer state of one arrives, what it means for members: see
 * {@link PartyOrganizationEffects}), and training hours.
 */
@Component
class ContextProjection {

    private static final Set<EventType> ORGANIZATION_EVENTS = EnumSet.of(EventType.ORGANIZATION_REGISTERED,
            EventType.ORGANIZATION_UPDATED, EventType.ORGANIZATION_DEREGISTERED);
    private static final Set<EventType> PARTY_ORGANIZATION_EVENTS = EnumSet.of(EventType.PARTY_ORGANIZATION_ESTABLISHED,
            EventType.PARTY_ORGANIZATION_UPDATED, EventType.PARTY_ORGANIZATION_DISSOLVED);

    /** Who changes members on the registry's events. */
    private static final Actor SYSTEM = Actor.system(Topics.REGISTRY_ORGANIZATIONS);

    private final VersionedReadModels readModels;
    private final ReactiveMongoTemplate mongo;
    private final PartyOrganizationEffects effects;
    private final Clock clock;

    ContextProjection(VersionedReadModels readModels, ReactiveMongoTemplate mongo, PartyOrganizationEffects effects, Clock clock) {
        this.readModels = readModels;
        this.mongo = mongo;
        this.effects = effects;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.REGISTRY_ORGANIZATIONS)
    void onOrganization(ConsumerRecord<String, byte[]> record) {
        readModels.project(record, ORGANIZATION_EVENTS, Set.of(), OrganizationSnapshot.class, KnownOrganization.COLLECTION,
                o -> new KnownOrganization(o.id(), o.version(), o.name(), o.creditCode(), o.street(), o.status()),
                // A member is seen in their employer's street: follow the organization if it moves, with a record each.
                known -> known.applied() ? followToStreet(known.view().id(), known.view().street()) : Mono.empty());
    }

    /** Moves the organization's members to its new street, each with its audit record (no new member version). */
    private Mono<Void> followToStreet(String organizationId, String street) {
        Query elsewhere = Query.query(Criteria.where("organizationId").is(organizationId).and("street").ne(street));
        elsewhere.fields().include("street");
        return mongo.find(elsewhere, org.bson.Document.class, Member.COLLECTION)
                .concatMap(found -> {
                    String id = String.valueOf(found.get("_id"));
                    String was = found.getString("street");
                    AuditRecord record = AuditRecord.of(clock.instant(), SYSTEM, MemberAction.EMPLOYER_MOVED.name(),
                            MemberAudit.RESOURCE, id, List.of(new FieldChange("street", was, street)), null);
                    return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("street").is(was)),
                            new Update().set("street", street).push(AuditRecord.HISTORY_FIELD, record), Member.class);
                })
                .then();
    }

    @KafkaListener(topics = Topics.BRANCH_PARTY_ORGANIZATIONS)
    void onPartyOrganization(ConsumerRecord<String, byte[]> record) {
        readModels.project(record, PARTY_ORGANIZATION_EVENTS, Set.of(EventType.INSTRUCTOR_ASSIGNED, EventType.COVERAGE_OUTLOOK_CHANGED),
                PartyOrganizationSnapshot.class, KnownPartyOrganization.COLLECTION,
                p -> new KnownPartyOrganization(p.id(), p.version(), p.name(), p.formation(), p.organizationIds(), p.street(),
                        p.status(), p.establishedOn()),
                known -> known.applied() ? effects.apply(known.view(), known.type()) : Mono.empty());
    }

    @KafkaListener(topics = Topics.TRAINING_RECORDS)
    void onTraining(ConsumerRecord<String, byte[]> record) {
        readModels.project(record, Set.of(EventType.TRAINING_ATTENDED), Set.of(EventType.ACTIVITY_RECORDED),
                TrainingAttendanceSnapshot.class, TrainingAttendance.COLLECTION,
                t -> new TrainingAttendance(t.id(), t.version(), t.memberId(), t.kind(), t.hours()));
    }
}
