package org.partybuilding.funding.context;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.partybuilding.platform.outbox.CollectionIndexes;
import org.partybuilding.platform.readmodel.ChangeLog;
import org.partybuilding.platform.readmodel.CurrentCopy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The read models (members, party organizations, the streets' coverage outlooks) as MongoDB holds them: every answer
 * is read from the database, so every instance of the service answers alike whichever of them consumed an event (the
 * instances of one consumer group each see only their partitions). An allocation run or a reconciliation reads the
 * members' dated memberships from this instance's copy, brought up to {@link MemberChanges}' counter first (so never
 * older than any member write counted before the run began); the forecast counts in the database.
 *
 * <p>A member's document is the union of the versions received (a replayed or reordered event changes nothing), written
 * by a conditional replace over exactly the document read (its version and number of facts), retried when another
 * writer came first, so no fact is lost however the consumers race.
 */
@Component
public class DistrictState {

    /** How often a member's merge is tried again when another writer changed the document in between. */
    private static final int MERGE_ATTEMPTS = 10;
    private static final Logger log = LoggerFactory.getLogger(DistrictState.class);

    @Bean
    static CollectionIndexes memberIndexes() {
        return CollectionIndexes.on(MemberView.COLLECTION, CollectionIndexes.ascending("status", "status"));
    }

    /** Every report lists the pre-existing party organizations: a few among thousands. */
    @Bean
    static CollectionIndexes partyOrganizationIndexes() {
        return CollectionIndexes.on(PartyOrganizationView.COLLECTION, CollectionIndexes.ascending("pre_existing", "preExisting"));
    }

    /** Steps behind the counter a copy is patched by the members the log names; further behind, it is read again. */
    static final long MAX_PATCHED = 5_000;

    /** This instance's dated memberships of the counted members. */
    private record Copy(Map<String, DatedMembership> members, List<DatedMembership> all) {

        Copy(Map<String, DatedMembership> members) {
            this(members, List.copyOf(members.values()));
        }
    }

    private final ReactiveMongoTemplate mongo;
    private final MemberChanges changes;
    private final CurrentCopy<Copy> copy;
    /** How often the copy is brought up to the counter in the background, once the counter stood still for a tick. */
    private static final Duration KEEP_CURRENT_EVERY = Duration.ofSeconds(10);
    private volatile long counterAtLastTick = -1;
    private Disposable keeping;

    public DistrictState(ReactiveMongoTemplate mongo, MemberChanges changes) {
        this.mongo = mongo;
        this.changes = changes;
        this.copy = new CurrentCopy<>(changes.counter(), MAX_PATCHED, CurrentCopy.Reader.of(this::readAllMembers, this::patchMembers));
    }

    /** The member as stored, if known. */
    public Mono<MemberView> member(String id) {
        return mongo.findById(id, MemberView.class, MemberView.COLLECTION);
    }

    /**
     * Adds what {@code told} tells to what is stored of the member (every version once; the newest state). Emits
     * {@code true} if the document changed, {@code false} if it knew every version already.
     */
    public Mono<Boolean> apply(MemberView told) {
        // the fact first, then the counter: whoever reads the counter past this step reads the fact too. Counted also
        // when the version was known already: a redelivery after an instance stopped between the two writes counts it.
        return merge(told, 1).flatMap(changed -> changes.changed(told.id(), told.version()).thenReturn(changed));
    }

    private Mono<Boolean> merge(MemberView told, int attempt) {
        return member(told.id()).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(stored -> {
            MemberView held = stored.orElse(null);
            if (held != null && !held.learnsFrom(told)) {
                return Mono.just(false); // a redelivery or a replay: known already
            }
            Mono<Boolean> written;
            if (held == null) {
                written = mongo.insert(told, MemberView.COLLECTION).thenReturn(true)
                        .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
            } else {
                // One flat filter led by _id (no $and/$or): the local platform's MongoDB-protocol server serves only a
                // flat filter from its _id index and scans the collection for the rest, on every member event.
                Criteria unchangedFacts = Criteria.where("_id").is(held.id()).and("version").is(held.version());
                Query unchanged = Query.query(held.history().isEmpty()
                        ? unchangedFacts.and("history.0").exists(false) // no history yet: missing or empty
                        : unchangedFacts.and("history").size(held.history().size()));
                written = mongo.findAndReplace(unchanged, held.with(told), MemberView.COLLECTION).map(previous -> true)
                        .defaultIfEmpty(false);
            }
            return written.flatMap(done -> {
                if (done) {
                    return Mono.just(true);
                }
                if (attempt >= MERGE_ATTEMPTS) {
                    return Mono.error(new IllegalStateException("Member " + told.id() + " changed under " + attempt + " merges"));
                }
                return merge(told, attempt + 1);
            });
        });
    }

    /** Every member as stored. */
    public Mono<List<MemberView>> members() {
        return mongo.findAll(MemberView.class, MemberView.COLLECTION).collectList();
    }

    /**
     * Every counted member's dated membership: where it counted on a day (rule 15). The allocation run and the
     * reconciliation need all of them (100,000) per request, so this instance keeps a copy, current against
     * {@link MemberChanges}' counter ({@link CurrentCopy}: patched with the members the log names after its step, read
     * again by id — facts first written, then counted, so they hold at least what the steps announced). Only members whose stage is formal or probationary are kept (no other ever
     * counts: {@link DatedMembership#countsFor}), only the fields counted by, as plain documents taken apart here.
     */
    public Mono<List<DatedMembership>> memberships() {
        return copy.current().map(Copy::all);
    }

    /**
     * Keeps the copy near the counter in the background, so a run after an import patches little or nothing: every
     * {@link #KEEP_CURRENT_EVERY}, when the counter has not moved since the previous tick (an import finished; during
     * one, reading every member again each tick would only compete with it) and the copy is behind it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void keepCopyCurrent() {
        keeping = Flux.interval(Duration.ZERO, KEEP_CURRENT_EVERY)
                .onBackpressureDrop()
                .concatMap(tick -> changes.generation().flatMap(generation -> {
                    boolean still = generation == counterAtLastTick;
                    counterAtLastTick = generation;
                    return still && copy.generation() != generation ? memberships().then() : Mono.<Void>empty();
                }).onErrorResume(e -> {
                    log.warn("Members' copy: refresh failed, next in {}", KEEP_CURRENT_EVERY, e);
                    return Mono.empty();
                }), 0)
                .subscribe();
    }

    @PreDestroy
    void stopKeepingCopyCurrent() {
        if (keeping != null) {
            keeping.dispose();
        }
    }

    private static Query counted(Criteria criteria) {
        Query counted = Query.query(criteria);
        counted.fields().include("version", "partyOrganizationId", "stage", "status", "admittedOn", "history");
        return counted;
    }

    private static boolean countedStage(Document stored) {
        return "FORMAL".equals(stored.getString("stage")) || "PROBATIONARY".equals(stored.getString("stage"));
    }

    /** Every counted member. */
    private Mono<Copy> readAllMembers() {
        return mongo.find(counted(Criteria.where("stage").in("FORMAL", "PROBATIONARY")), Document.class, MemberView.COLLECTION)
                .collectList()
                .publishOn(Schedulers.parallel())
                .map(all -> {
                    Map<String, DatedMembership> members = new HashMap<>(all.size() * 2);
                    for (Document stored : all) {
                        DatedMembership membership = DatedMembership.of(counted(stored));
                        members.put(membership.id(), membership);
                    }
                    return new Copy(members);
                });
    }

    /** The copy with the members the steps name read again (one now of another stage, or gone, leaves it). */
    private Mono<Copy> patchMembers(Copy held, List<ChangeLog.Step> steps) {
        Set<String> ids = new LinkedHashSet<>();
        steps.forEach(step -> ids.add(step.ref()));
        return mongo.find(counted(Criteria.where("_id").in(ids)), Document.class, MemberView.COLLECTION).collectList()
                .publishOn(Schedulers.parallel())
                .map(read -> {
                    Map<String, DatedMembership> members = new HashMap<>(held.members());
                    ids.forEach(members::remove);
                    for (Document stored : read) {
                        if (countedStage(stored)) {
                            DatedMembership membership = DatedMembership.of(counted(stored));
                            members.put(membership.id(), membership);
                        }
                    }
                    return new Copy(members);
                });
    }

    /** A member document as the view counting needs (no organization or street: {@code null}). */
    private MemberView counted(Document stored) {
        List<Document> history = stored.getList("history", Document.class, List.of());
        List<MemberFact> facts = new java.util.ArrayList<>(history.size());
        for (Document fact : history) {
            facts.add(new MemberFact(number(fact.get("version")), fact.getString("partyOrganizationId"),
                    date(fact.get("partyOrganizationSince")), fact.getString("status"), date(fact.get("statusSince")),
                    date(fact.get("on"))));
        }
        return new MemberView(String.valueOf(stored.get("_id")), number(stored.get("version")), null,
                stored.getString("partyOrganizationId"), null, stored.getString("stage"), stored.getString("status"),
                date(stored.get("admittedOn")), facts);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    /** A stored date as the template reads it into a {@code LocalDate} (its conversions, so the same day). */
    private LocalDate date(Object value) {
        return value == null ? null : mongo.getConverter().getConversionService().convert(value, LocalDate.class);
    }

    /** Active formal and probationary members in a party organization now, of one street ({@code null}: all). */
    public Mono<Long> activePartyMembers(String street) {
        Criteria criteria = Criteria.where("status").is("ACTIVE").and("stage").in("FORMAL", "PROBATIONARY")
                .and("partyOrganizationId").ne(null);
        if (street != null) {
            criteria = criteria.and("street").is(street);
        }
        return mongo.count(Query.query(criteria), MemberView.COLLECTION);
    }

    /**
     * Every party organization with only what counting members needs (id, street, status, established and dissolved
     * on; the record's primitives; the name and the rest unset): the allocation run reads all 10,000 of them.
     */
    public Mono<List<PartyOrganizationView>> partyOrganizationsToCount() {
        Query all = new Query();
        all.fields().include("version", "street", "status", "establishedOn", "dissolvedOn", "preExisting");
        return mongo.find(all, PartyOrganizationView.class, PartyOrganizationView.COLLECTION).collectList();
    }

    public Mono<List<PartyOrganizationView>> partyOrganizations() {
        return mongo.findAll(PartyOrganizationView.class, PartyOrganizationView.COLLECTION).collectList();
    }

    public Mono<Optional<PartyOrganizationView>> partyOrganization(String id) {
        return id == null ? Mono.just(Optional.empty())
                : mongo.findById(id, PartyOrganizationView.class, PartyOrganizationView.COLLECTION).map(Optional::of)
                        .defaultIfEmpty(Optional.empty());
    }

    /** The party organizations recorded as pre-existing (established in a closed fiscal year, rule 14). */
    public Mono<List<PartyOrganizationView>> preExisting() {
        return mongo.find(Query.query(Criteria.where("preExisting").is(true)), PartyOrganizationView.class,
                PartyOrganizationView.COLLECTION).collectList();
    }

    /** The names of these party organizations, where known. */
    public Mono<Map<String, String>> names(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("name");
        return mongo.find(query, org.bson.Document.class, PartyOrganizationView.COLLECTION)
                .filter(d -> d.getString("name") != null)
                .collectMap(d -> String.valueOf(d.get("_id")), d -> d.getString("name"));
    }

    /** The streets' coverage outlooks as branch-service last announced them. */
    public Mono<List<CoverageOutlookView>> outlooks() {
        return mongo.findAll(CoverageOutlookView.class, CoverageOutlookView.COLLECTION).collectList();
    }
}
