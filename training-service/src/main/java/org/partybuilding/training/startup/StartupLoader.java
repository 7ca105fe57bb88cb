package org.partybuilding.training.startup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.partybuilding.training.activities.Activity;
import org.partybuilding.training.domain.ActivityKind;
import org.partybuilding.training.context.Directory;
import org.partybuilding.training.context.KnownMember;
import org.partybuilding.training.context.KnownPartyOrganization;
import org.partybuilding.training.ledger.TrainingLedger;
import org.partybuilding.training.sessions.Attendance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Before the service reports ready: the indexes, then the in-memory read models ({@link Directory})
 * and the {@link TrainingLedger} filled from the collections, each read once with only the fields
 * they need. Events and writes that arrive meanwhile are applied as usual; both sides are
 * idempotent (versions, activity ids), so the order does not matter.
 */
@Component
class StartupLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupLoader.class);

    private final ReactiveMongoTemplate mongo;
    private final Directory directory;
    private final TrainingLedger ledger;

    StartupLoader(ReactiveMongoTemplate mongo, Directory directory, TrainingLedger ledger) {
        this.mongo = mongo;
        this.directory = directory;
        this.ledger = ledger;
    }

    @Override
    public void run(ApplicationArguments args) {
        long start = System.nanoTime();
        indexes().block();
        mongo.findAll(KnownPartyOrganization.class).doOnNext(directory::put).then().block();
        mongo.findAll(KnownMember.class).doOnNext(directory::put).then().block();
        Query activities = new Query();
        activities.fields().include("partyOrganizationId", "kind", "heldOn", "lecturedBySecretary", "flags", "attendeeIds", "hours");
        mongo.find(activities, Document.class, Activity.COLLECTION).doOnNext(this::activity).then().block();
        Query attendance = new Query();
        attendance.fields().include("version", "memberId", "attendedOn", "hours");
        mongo.find(attendance, Document.class, Attendance.COLLECTION).doOnNext(this::attendance).then().block();
        log.info("Loaded {} party organizations, {} members and {} activities in {} ms", directory.partyOrganizations().size(),
                directory.members().size(), ledger.activityCount(), (System.nanoTime() - start) / 1_000_000);
    }

    private Mono<Void> indexes() {
        var activities = mongo.indexOps(Activity.COLLECTION);
        var attendance = mongo.indexOps(Attendance.COLLECTION);
        return activities.createIndex(new Index().on("partyOrganizationId", Sort.Direction.ASC).on("heldOn", Sort.Direction.DESC)
                        .named("party_organization_held_on"))
                .then(activities.createIndex(new Index().on("attendeeIds", Sort.Direction.ASC).named("attendee")))
                .then(attendance.createIndex(new Index().on("memberId", Sort.Direction.ASC).named("member")))
                .then(attendance.createIndex(new Index().on("sessionId", Sort.Direction.ASC).named("session")))
                .then();
    }

    private void activity(Document d) {
        ledger.recordActivity(String.valueOf(d.get("_id")), d.getString("partyOrganizationId"),
                ActivityKind.valueOf(d.getString("kind")), date(d.get("heldOn")), Boolean.TRUE.equals(d.getBoolean("lecturedBySecretary")),
                d.getList("flags", String.class, List.of()).contains(Activity.NO_QUORUM),
                d.getList("attendeeIds", String.class, List.of()), decimal(d.get("hours")));
    }

    private void attendance(Document d) {
        ledger.recordAttendance(String.valueOf(d.get("_id")), ((Number) d.get("version")).longValue(), d.getString("memberId"),
                date(d.get("attendedOn")), decimal(d.get("hours")));
    }

    /** A stored date read back the way the mapping layer wrote it. */
    private LocalDate date(Object value) {
        return mongo.getConverter().getConversionService().convert(value, LocalDate.class);
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}
