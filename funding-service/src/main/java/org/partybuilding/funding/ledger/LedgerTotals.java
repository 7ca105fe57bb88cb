package org.partybuilding.funding.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.partybuilding.platform.outbox.CollectionIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The ledger summed per fiscal year, kind, street and party organization, in MongoDB ({@code ledger_totals}), in
 * integer fen (分): one document per cell, which every instance adds to and every report reads, so two instances
 * give the same report whichever of them booked an entry.
 *
 * <p>Each cell records the ids of the entries it holds, and adds an entry with one conditional update
 * ({@code entryIds} not holding it yet): a redelivered event, a retried request or two instances adding the same entry
 * add it once. An upsert that loses the race to create the cell (duplicate key) is repeated as a plain conditional
 * update, never taken for "done". An entry is inserted with {@code totalled: false} and marked {@code true} once its
 * cell holds it; should an instance stop between the two writes, {@link #sweep()} (every {@link #SWEEP_EVERY}, and
 * for entries booked before cells existed, at start-up) adds what was left, and only that.
 */
@Component
public class LedgerTotals {

    private static final Logger log = LoggerFactory.getLogger(LedgerTotals.class);

    public static final String COLLECTION = "ledger_totals";
    static final Duration SWEEP_EVERY = Duration.ofSeconds(30);
    /** An entry not totalled after this long was left by a stopped instance (the booking adds it within milliseconds). */
    static final Duration LEFT_AFTER = Duration.ofSeconds(20);
    private static final int SWEEP_BATCH = 5_000;

    /** One cell's key; {@code street} and {@code partyOrganizationId} as the entries have them. */
    public record Key(int fiscalYear, EntryKind kind, String street, String partyOrganizationId) {
    }

    /** A cell: entries, their sum in fen, and the members annual allocations were computed from. */
    public record Cell(Key key, long entries, long fen, long members) {

        public BigDecimal yuan() {
            return BigDecimal.valueOf(fen, 2);
        }
    }

    @Bean
    static CollectionIndexes ledgerTotalsIndexes() {
        return CollectionIndexes.on(COLLECTION, CollectionIndexes.ascending("fiscal_year", "fiscalYear"));
    }

    @Bean
    static CollectionIndexes entriesNotTotalledIndexes() {
        return CollectionIndexes.on(LedgerEntry.COLLECTION, CollectionIndexes.ascending("totalled", "totalled"));
    }

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private Disposable sweeping;

    public LedgerTotals(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Adds a stored entry to its cell (once, however often asked) and marks it totalled. */
    public Mono<Void> add(LedgerEntry entry) {
        return addToCell(entry.id(), key(entry), fen(entry.amount()), members(entry.members()))
                .then(markTotalled(List.of(entry.id())));
    }

    /** Adds many stored entries (an allocation run's) in one unordered bulk; a cell already holding one is left as it is. */
    public Mono<Void> addAll(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
            BulkOperations.BulkMode mode = BulkOperations.BulkMode.UNORDERED;
            var bulk = mongo.bulkOps(mode, COLLECTION);
            for (LedgerEntry entry : entries) {
                bulk.upsert(inCellWithout(entry.id(), key(entry)), adding(entry.id(), key(entry), fen(entry.amount()),
                        members(entry.members())));
            }
            return bulk.execute().then();
        })
                // A cell that held one already, or was created meanwhile by another writer (a duplicate key, reported
                // by the bulk as a write error): each entry again, one by one (idempotent; another failure fails the booking).
                .onErrorResume(e -> e instanceof org.springframework.dao.DataAccessException
                        || e instanceof com.mongodb.MongoBulkWriteException, e -> Flux.fromIterable(entries)
                        .flatMap(entry -> addToCell(entry.id(), key(entry), fen(entry.amount()), members(entry.members())), 8)
                        .then())
                .then(Flux.fromIterable(entries).map(LedgerEntry::id).buffer(SWEEP_BATCH).concatMap(this::markTotalled).then());
    }

    private Mono<Void> addToCell(String entryId, Key key, long fen, long members) {
        Query query = inCellWithout(entryId, key);
        Update update = adding(entryId, key, fen, members);
        return mongo.upsert(query, update, COLLECTION).then()
                .onErrorResume(DuplicateKeyException.class, created -> mongo.updateFirst(query, update, COLLECTION).then());
    }

    private static Query inCellWithout(String entryId, Key key) {
        return Query.query(Criteria.where("_id").is(cellId(key)).and("entryIds").ne(entryId));
    }

    private static Update adding(String entryId, Key key, long fen, long members) {
        return new Update().inc("entries", 1L).inc("fen", fen).inc("members", members).push("entryIds", entryId)
                .setOnInsert("fiscalYear", key.fiscalYear()).setOnInsert("kind", key.kind().name())
                .setOnInsert("street", key.street()).setOnInsert("partyOrganizationId", key.partyOrganizationId());
    }

    private Mono<Void> markTotalled(List<String> entryIds) {
        return mongo.updateMulti(Query.query(Criteria.where("_id").in(entryIds)), new Update().set("totalled", true),
                LedgerEntry.COLLECTION).then();
    }

    static String cellId(Key key) {
        return key.fiscalYear() + "|" + key.kind() + "|" + key.street() + "|" + key.partyOrganizationId();
    }

    private static Key key(LedgerEntry entry) {
        return new Key(entry.fiscalYear(), entry.kind(), entry.street(), entry.partyOrganizationId());
    }

    private static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }

    private static long members(Integer members) {
        return members == null ? 0 : members;
    }

    /**
     * The year's cells summed in MongoDB ({@code $match}, {@code $group}) per kind and street, and per party organization
     * too if {@code perPartyOrganization} (else a cell's {@code partyOrganizationId} is {@code null}); only this street's
     * or party organization's, if given ({@code null}: all).
     */
    public Mono<List<Cell>> summed(int fiscalYear, boolean perPartyOrganization, String street, String partyOrganizationId) {
        Criteria match = Criteria.where("fiscalYear").is(fiscalYear);
        if (street != null) {
            match = match.and("street").is(street);
        }
        if (partyOrganizationId != null) {
            match = match.and("partyOrganizationId").is(partyOrganizationId);
        }
        String[] by = perPartyOrganization ? new String[] {"kind", "street", "partyOrganizationId"} : new String[] {"kind", "street"};
        Aggregation sum = Aggregation.newAggregation(Aggregation.match(match),
                Aggregation.group(by).sum("entries").as("entries").sum("fen").as("fen").sum("members").as("members"));
        return mongo.aggregate(sum, COLLECTION, Document.class)
                .map(d -> {
                    Document key = d.get("_id", Document.class);
                    return new Cell(new Key(fiscalYear, EntryKind.valueOf(key.getString("kind")), key.getString("street"),
                            perPartyOrganization ? key.getString("partyOrganizationId") : null), number(d, "entries"),
                            number(d, "fen"), number(d, "members"));
                })
                .collectList();
    }

    /** The year's cells as stored. */
    public Mono<List<Cell>> ofYear(int fiscalYear) {
        Query ofYear = Query.query(Criteria.where("fiscalYear").is(fiscalYear));
        ofYear.fields().include("fiscalYear", "kind", "street", "partyOrganizationId", "entries", "fen", "members");
        return mongo.find(ofYear, Document.class, COLLECTION)
                .map(d -> new Cell(new Key(((Number) d.get("fiscalYear")).intValue(), EntryKind.valueOf(d.getString("kind")),
                        d.getString("street"), d.getString("partyOrganizationId")), number(d, "entries"), number(d, "fen"),
                        number(d, "members")))
                .collectList();
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }

    /**
     * Adds the entries a stopped instance left untotalled ({@code totalled: false} for longer than {@link #LEFT_AFTER}) and
     * those booked before the cells existed (no {@code totalled} at all): each once, as {@link #add} would have.
     */
    public Mono<Long> sweep() {
        Query left = Query.query(Criteria.where("totalled").is(false).and("bookedAt").lt(clock.instant().minus(LEFT_AFTER)));
        Query before = Query.query(Criteria.where("totalled").exists(false));
        return sweep(left).concatWith(sweep(before)).reduce(0L, Long::sum);
    }

    private Mono<Long> sweep(Query query) {
        Query batch = Query.of(query).limit(SWEEP_BATCH);
        batch.fields().include("kind", "street", "partyOrganizationId", "fiscalYear", "amount", "members");
        // another batch while batches come full
        return sweepBatch(batch).expand(n -> n == SWEEP_BATCH ? sweepBatch(batch) : Mono.empty()).reduce(0L, Long::sum);
    }

    private Mono<Long> sweepBatch(Query batch) {
        return mongo.find(batch, Document.class, LedgerEntry.COLLECTION).collectList()
                .flatMap(found -> Flux.fromIterable(found)
                        .concatMap(d -> addToCell(d.getString("_id"), new Key(((Number) d.get("fiscalYear")).intValue(),
                                EntryKind.valueOf(d.getString("kind")), d.getString("street"), d.getString("partyOrganizationId")),
                                fen(decimal(d.get("amount"))), number(d, "members")))
                        .then(found.isEmpty() ? Mono.empty() : markTotalled(found.stream().map(d -> d.getString("_id")).toList()))
                        .thenReturn((long) found.size()));
    }

    private static BigDecimal decimal(Object amount) {
        return amount instanceof Decimal128 d ? d.bigDecimalValue() : new BigDecimal(String.valueOf(amount));
    }

    @EventListener(ApplicationReadyEvent.class)
    void startSweeping() {
        sweeping = Flux.interval(Duration.ZERO, SWEEP_EVERY)
                .onBackpressureDrop()
                .concatMap(tick -> sweep()
                        .doOnNext(n -> {
                            if (n > 0) {
                                log.info("Ledger totals: added {} entries left untotalled", n);
                            }
                        })
                        .onErrorResume(e -> {
                            log.warn("Ledger totals: sweep failed, next in {}", SWEEP_EVERY, e);
                            return Mono.empty();
                        }), 0)
                .subscribe();
    }

    @PreDestroy
    void stopSweeping() {
        if (sweeping != null) {
            sweeping.dispose();
        }
    }
}
