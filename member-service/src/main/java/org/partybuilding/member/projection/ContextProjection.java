package org.partybuilding.member.projection;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.partybuilding.events.EventFormatException;
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
import org.partybuilding.platform.messaging.EventHandling;
import org.partybuilding.platform.messaging.IncomingEvent;
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
        IncomingEvent event = IncomingEvent.from(record);
        event.handledAmong(ORGANIZATION_EVENTS, Set.of());
        OrganizationSnapshot o = event.data(OrganizationSnapshot.class);
        require(o.id() != null && o.version() > 0 && o.street() != null && o.status() != null, record);
        KnownOrganization known = new KnownOrganization(o.id(), o.version(), o.name(), o.creditCode(), o.street(), o.status());
        EventHandling.await(readModels.upsertIfNewer(KnownOrganization.COLLECTION, o.id(), o.version(), known)
                // A member is seen in their employer's street: follow the organization if it moves, with a record each.
                .flatMap(applied -> applied ? followToStreet(o.id(), o.street()) : Mono.empty()));
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
        IncomingEvent event = IncomingEvent.from(record);
        if (!event.handledAmong(PARTY_ORGANIZATION_EVENTS, Set.of(EventType.INSTRUCTOR_ASSIGNED))) {
            return;
        }
        PartyOrganizationSnapshot p = event.data(PartyOrganizationSnapshot.class);
        require(p.id() != null && p.version() > 0 && p.status() != null, record);
        KnownPartyOrganization known = new KnownPartyOrganization(p.id(), p.version(), p.name(), p.formation(),
                p.organizationIds(), p.street(), p.status(), p.establishedOn());
        EventHandling.await(readModels.upsertIfNewer(KnownPartyOrganization.COLLECTION, p.id(), p.version(), known)
                .flatMap(applied -> applied ? effects.apply(known, event.type().orElseThrow()) : Mono.empty()));
    }

    @KafkaListener(topics = Topics.TRAINING_RECORDS)
    void onTraining(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!event.handledAmong(Set.of(EventType.TRAINING_ATTENDED), Set.of(EventType.ACTIVITY_RECORDED))) {
            return;
        }
        TrainingAttendanceSnapshot t = event.data(TrainingAttendanceSnapshot.class);
        require(t.id() != null && t.version() > 0 && t.memberId() != null && t.kind() != null && t.hours() != null
                && t.hours().signum() >= 0, record);
        EventHandling.await(readModels.upsertIfNewer(TrainingAttendance.COLLECTION, t.id(), t.version(),
                new TrainingAttendance(t.id(), t.version(), t.memberId(), t.kind(), t.hours())));
    }

    private static void require(boolean complete, ConsumerRecord<String, byte[]> record) {
        if (!complete) {
            throw new EventFormatException("Incomplete event at " + record.topic() + "-" + record.partition() + "@" + record.offset());
        }
    }
}
