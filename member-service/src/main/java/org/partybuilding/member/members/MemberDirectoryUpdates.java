package org.partybuilding.member.members;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.partybuilding.events.EventType;
import org.partybuilding.events.MemberSnapshot;
import org.partybuilding.events.OrganizationSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.member.development.Stage;
import org.partybuilding.platform.messaging.EventHandling;
import org.partybuilding.platform.messaging.IncomingEvent;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Fills the {@link MemberDirectory} from the database before the service reports ready (only the
 * fields it keeps, as raw documents: mapping 100,000 whole members costs seconds), and keeps it
 * current with the changes other instances make: every instance reads the member events in a
 * consumer group of its own and takes a newer member from the database.
 */
@Component
class MemberDirectoryUpdates implements ApplicationRunner {

    private static final Set<EventType> MEMBER_EVENTS = Set.of(EventType.MEMBER_REGISTERED, EventType.MEMBER_UPDATED,
            EventType.MEMBER_STAGE_CHANGED, EventType.MEMBER_TRANSFERRED, EventType.MEMBER_LEFT);
    private static final Set<EventType> ORGANIZATION_EVENTS = Set.of(EventType.ORGANIZATION_REGISTERED,
            EventType.ORGANIZATION_UPDATED, EventType.ORGANIZATION_DEREGISTERED);
    private static final String[] FIELDS = {"version", "name", "organizationId", "street", "partyOrganizationId", "stage",
            "stageDates", "probationExtendedMonths", "applicantTalkOn", "onPlatformSince", "status", "leftOn", "transfers.kind",
            "transfers.state", "transfers.finishedOn", "mobile.originalPartyOrganization", "mobile.workingSince",
            "mobile.holdsPostInOriginal", "transferRequired", "updatedAt"};

    private final MemberDirectory directory;
    private final ReactiveMongoTemplate mongo;
    private final MemberDocuments documents;

    MemberDirectoryUpdates(MemberDirectory directory, ReactiveMongoTemplate mongo) {
        this.directory = directory;
        this.mongo = mongo;
        this.documents = new MemberDocuments(mongo.getConverter());
    }

    @Override
    public void run(ApplicationArguments args) {
        // every member, former ones too: the annual report counts them on the days they were still members here
        Query query = new Query();
        query.fields().include(FIELDS);
        mongo.find(query, Document.class, Member.COLLECTION).doOnNext(d -> directory.load(entry(d))).then().block();
    }

    @KafkaListener(topics = Topics.MEMBER_MEMBERS,
            groupId = "member-service-directory-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=latest")
    void onMember(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!event.handledAmong(MEMBER_EVENTS, Set.of(EventType.DUES_PAID))) {
            return;
        }
        MemberSnapshot snapshot = event.data(MemberSnapshot.class);
        if (directory.holds(snapshot.id(), snapshot.version())) {
            return;
        }
        Query byId = Query.query(Criteria.where("_id").is(snapshot.id()));
        byId.fields().exclude(org.partybuilding.platform.audit.AuditRecord.HISTORY_FIELD);
        EventHandling.await(mongo.findOne(byId, Member.class).doOnNext(directory::put).then(Mono.empty()));
    }

    /** A member is seen in their employer's street; the database follows a move without a new member version. */
    @KafkaListener(topics = Topics.REGISTRY_ORGANIZATIONS,
            groupId = "member-service-directory-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=latest")
    void onOrganization(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!event.handledAmong(ORGANIZATION_EVENTS, Set.of())) {
            return;
        }
        OrganizationSnapshot o = event.data(OrganizationSnapshot.class);
        if (o.id() != null && o.street() != null) {
            directory.employerMoved(o.id(), o.street());
        }
    }

    private MemberDirectory.Entry entry(Document d) {
        List<Document> stored = d.getList("transfers", Document.class);
        List<Transfer> transfers = new ArrayList<>(stored == null ? 0 : stored.size());
        if (stored != null) {
            for (Document t : stored) {
                transfers.add(new Transfer(null, enumOf(Transfer.TransferKind.class, t.getString("kind")), null, null, null, null,
                        enumOf(Transfer.TransferState.class, t.getString("state")), null, documents.date(t, "finishedOn"), null, null));
            }
        }
        Document mobile = d.get("mobile", Document.class);
        java.util.Date updatedAt = d.getDate("updatedAt");
        return new MemberDirectory.Entry(String.valueOf(d.get("_id")), ((Number) d.get("version")).longValue(),
                d.getString("name"), d.getString("organizationId"), d.getString("street"), d.getString("partyOrganizationId"),
                Stage.valueOf(d.getString("stage")), documents.stageDates(d), d.getInteger("probationExtendedMonths"),
                documents.date(d, "applicantTalkOn"), documents.date(d, "onPlatformSince"),
                enumOf(MemberStatus.class, d.getString("status")), documents.date(d, "leftOn"), transfers,
                mobile == null ? null : new MobileMembership(mobile.getString("originalPartyOrganization"), null,
                        documents.date(mobile, "workingSince"), mobile.getBoolean("holdsPostInOriginal")),
                Boolean.TRUE.equals(d.getBoolean("transferRequired")), updatedAt == null ? null : updatedAt.toInstant());
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
