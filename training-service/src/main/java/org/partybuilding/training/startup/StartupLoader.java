package org.partybuilding.training.startup;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.partybuilding.platform.outbox.CollectionIndexes;
import org.partybuilding.training.activities.Activity;
import org.partybuilding.training.context.Directory;
import org.partybuilding.training.context.KnownMember;
import org.partybuilding.training.context.KnownPartyOrganization;
import org.partybuilding.training.context.TrainingChanges;
import org.partybuilding.training.domain.ActivityKind;
import org.partybuilding.training.ledger.TrainingLedger;
import org.partybuilding.training.sessions.Attendance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * This instance's in-memory read models ({@link Directory}) and {@link TrainingLedger}, kept equal to what MongoDB holds,
 * whichever instance wrote it. Before the service reports ready they are filled from the collections, each read once
 * with only the fields they need. Before every request ({@link WebFilter}) the shared counter of
 * {@link TrainingChanges} is read (one document by id): if it moved, the documents its log names are read again and
 * applied; when the log cannot say (pruned, or a step missing for longer than {@link #GAP_PATIENCE}: an instance stopped
 * between its write and the step) everything is read again. Everything read is applied idempotently (versions,
 * activity ids), so reading a document twice changes nothing. A read of everything also runs in the background every
 * {@link #FULL_READ_EVERY}, should an instance have stopped between a write and its step.
 *
 * <p>So a report never answers from less than every write completed before the request, on any instance. A write
 * still in flight (its step logged after the counter moved) is taken by the next request.
 */
@Component
class StartupLoader implements ApplicationRunner, WebFilter {

    private static final Logger log = LoggerFactory.getLogger(StartupLoader.class);

    /** Beyond this many steps since the last read, everything is read again rather than each step (fewer than the log keeps). */
    static final int MAX_PATCHED_CHANGES = 5_000;
    static final Duration GAP_PATIENCE = Duration.ofSeconds(5);
    static final Duration FULL_READ_EVERY = Duration.ofMinutes(5);

    @Bean
    static CollectionIndexes activityIndexes() {
        return CollectionIndexes.on(Activity.COLLECTION,
                new Index().on("partyOrganizationId", Sort.Direction.ASC).on("heldOn", Sort.Direction.DESC)
                        .named("party_organization_held_on"),
                CollectionIndexes.ascending("attendee", "attendeeIds"));
    }

    @Bean
    static CollectionIndexes attendanceIndexes() {
        return CollectionIndexes.on(Attendance.COLLECTION, CollectionIndexes.ascending("member", "memberId"),
                CollectionIndexes.ascending("session", "sessionId"));
    }

    private final ReactiveMongoTemplate mongo;
    private final Directory directory;
    private final TrainingLedger ledger;
    private final TrainingChanges changes;
    private final Clock clock;

    /** Every step up to this one is applied here. */
    private volatile long applied;
    private volatile Instant fullyReadAt;
    /** When the step after {@link #applied} was first found missing ({@code null}: none missing). */
    private Instant gapSince;
    private Mono<Void> catchingUp;

    StartupLoader(ReactiveMongoTemplate mongo, Directory directory, TrainingLedger ledger, TrainingChanges changes, Clock clock) {
        this.mongo = mongo;
        this.directory = directory;
        this.ledger = ledger;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        long start = System.nanoTime();
        readEverything().block();
        log.info("Loaded {} party organizations, {} members and {} activities in {} ms", directory.partyOrganizations().size(),
                directory.members().size(), ledger.activityCount(), (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getRequest().getPath().value().startsWith("/api/")
                ? current().then(chain.filter(exchange))
                : chain.filter(exchange);
    }

    /** Brings memory up to every step completed before now. */
    Mono<Void> current() {
        return changes.generation().flatMap(generation -> {
            Instant readAt = fullyReadAt;
            if (readAt != null && readAt.plus(FULL_READ_EVERY).isBefore(clock.instant())) {
                fullyReadAt = clock.instant(); // one background read at a time
                readEverything().subscribeOn(Schedulers.boundedElastic()).subscribe(done -> { },
                        failed -> log.warn("Reading everything again failed", failed));
            }
            // a catching up already under way may have started below this generation: then once more
            return generation <= applied ? Mono.<Void>empty()
                    : catchUp(generation).then(Mono.defer(() -> generation <= applied ? Mono.empty() : catchUp(generation)));
        });
    }

    /** Requests arriving while this instance catches up share the one catching up. */
    private synchronized Mono<Void> catchUp(long generation) {
        if (catchingUp == null) {
            catchingUp = catchUpTo(generation)
                    .doFinally(signal -> forget())
                    .cache();
        }
        return catchingUp;
    }

    private synchronized void forget() {
        catchingUp = null;
    }

    private Mono<Void> catchUpTo(long generation) {
        long from = applied;
        if (generation - from > MAX_PATCHED_CHANGES) {
            return readEverything();
        }
        return changes.between(from, generation).flatMap(logged -> {
            List<TrainingChanges.Change> contiguous = new ArrayList<>();
            long next = from + 1;
            for (TrainingChanges.Change change : logged) {
                if (change.generation() != next) {
                    break;
                }
                contiguous.add(change);
                next++;
            }
            long reached = next - 1;
            boolean complete = reached == generation;
            Instant missingSince;
            synchronized (this) {
                if (complete) {
                    gapSince = null;
                } else if (gapSince == null) {
                    gapSince = clock.instant();
                }
                missingSince = gapSince;
            }
            if (missingSince != null && missingSince.plus(GAP_PATIENCE).isBefore(clock.instant())) {
                return readEverything();
            }
            return apply(contiguous).doOnSuccess(done -> advance(reached));
        });
    }

    private synchronized void fullyRead(long generation, Instant started) {
        advance(generation);
        gapSince = null;
        fullyReadAt = started;
    }

    private synchronized void advance(long generation) {
        if (generation > applied) {
            applied = generation;
        }
    }

    /** Reads the documents the steps name and applies them. */
    private Mono<Void> apply(List<TrainingChanges.Change> steps) {
        Map<TrainingChanges.Kind, List<String>> refs = steps.stream().collect(Collectors.groupingBy(TrainingChanges.Change::kind,
                Collectors.mapping(TrainingChanges.Change::ref, Collectors.toList())));
        return Flux.concat(
                byIds(refs, TrainingChanges.Kind.PARTY_ORGANIZATION, KnownPartyOrganization.class).doOnNext(directory::put),
                byIds(refs, TrainingChanges.Kind.MEMBER, KnownMember.class).doOnNext(directory::put),
                documents(refs.get(TrainingChanges.Kind.ACTIVITY), Activity.COLLECTION, activityFields()).doOnNext(this::activity),
                documents(refs.get(TrainingChanges.Kind.ATTENDANCE), Attendance.COLLECTION, attendanceFields())
                        .doOnNext(this::attendance))
                .then();
    }

    private <T> Flux<T> byIds(Map<TrainingChanges.Kind, List<String>> refs, TrainingChanges.Kind kind, Class<T> type) {
        List<String> ids = refs.get(kind);
        return ids == null ? Flux.empty() : mongo.find(Query.query(Criteria.where("_id").in(ids)), type);
    }

    private Flux<Document> documents(List<String> ids, String collection, String[] fields) {
        if (ids == null) {
            return Flux.empty();
        }
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include(fields);
        return mongo.find(query, Document.class, collection);
    }

    /** Every collection read and applied; the counter is read first, so every step up to it is in what is read. */
    private Mono<Void> readEverything() {
        return changes.generation().flatMap(generation -> {
            Instant started = clock.instant();
            Query activities = new Query();
            activities.fields().include(activityFields());
            Query attendance = new Query();
            attendance.fields().include(attendanceFields());
            return mongo.findAll(KnownPartyOrganization.class).doOnNext(directory::put).then()
                    .then(mongo.findAll(KnownMember.class).doOnNext(directory::put).then())
                    .then(mongo.find(activities, Document.class, Activity.COLLECTION).doOnNext(this::activity).then())
                    .then(mongo.find(attendance, Document.class, Attendance.COLLECTION).doOnNext(this::attendance).then())
                    .doOnSuccess(done -> fullyRead(generation, started));
        });
    }

    private static String[] activityFields() {
        return new String[] {"partyOrganizationId", "kind", "heldOn", "lecturedBySecretary", "flags", "attendeeIds", "hours"};
    }

    private static String[] attendanceFields() {
        return new String[] {"version", "memberId", "attendedOn", "hours"};
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
