package org.partybuilding.funding.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.partybuilding.platform.outbox.CollectionIndexes;
import org.partybuilding.platform.readmodel.ChangeLog;
import org.partybuilding.platform.readmodel.CurrentCopy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;

import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The ledger summed per fiscal year, kind, street and party organization, in MongoDB ({@code ledger_totals}), in
 * integer fen (分): one document per cell, which every instance adds to and every report reads, so two instances
 * give the same report whichever of them booked an entry. Every cell write is counted in a {@link ChangeLog} after it
 * is stored, and the reports read the cells from this instance's copy kept current against it ({@link CurrentCopy}:
 * the counter is read first, then the cells or years its steps name), so a report holds every cell write counted
 * before it was asked, whichever instance wrote it.
 *
 * <p>Two kinds of cell, each adding an entry exactly once however often it is asked, by whichever instance:
 * <ul>
 * <li>A cell that only one entry can ever fall into ({@link #soleEntry}: a party organization's start-up grant, a
 * year's working funds of one party organization — the entry's id names the party organization, its year and kind, so
 * no other entry has the same cell) is <em>inserted</em> whole, its {@code _id} the cell's: the unique {@code _id}
 * makes a second insert a duplicate, which means "held already". An allocation run's cells go in as one unordered
 * bulk of inserts, no array in them and no update.</li>
 * <li>A cell that many entries fall into (dues returns, adjustments) records the ids of the entries it holds, and adds
 * an entry with one conditional update ({@code entryIds} not holding it yet): a redelivered event, a retried request
 * or two instances adding the same entry add it once. An upsert that loses the race to create the cell (duplicate key)
 * is repeated as a plain conditional update, never taken for "done".</li>
 * </ul>
 * An entry is inserted with {@code totalled: false} and marked {@code true} only after its cell holds it (so a mark
 * never claims what a cell lacks; a crash in between leaves an entry unmarked whose cell may hold it already, which
 * adding again leaves as it is). {@link #sweep()} (every {@link #SWEEP_EVERY}, and for entries booked before cells
 * existed, at start-up) adds what a stopped instance left, and only that. An allocation run stores its entries
 * totalled and adds their cells after (no second write per entry): its {@code BOOKING} status stands for them until
 * then, and a run left so is finished by its next request or by the sweep ({@link UnfinishedBookings}).
 */
@Component
public class LedgerTotals {

    private static final Logger log = LoggerFactory.getLogger(LedgerTotals.class);

    public static final String COLLECTION = "ledger_totals";
    static final Duration SWEEP_EVERY = Duration.ofSeconds(30);
    /** An entry not totalled after this long was left by a stopped instance (the booking adds it within milliseconds). */
    static final Duration LEFT_AFTER = Duration.ofSeconds(20);
    private static final int SWEEP_BATCH = 5_000;
    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

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

    /** Log entries kept behind the counter; a copy further behind reads every cell again. */
    static final long KEPT = 20_000;
    /** Steps behind the counter a copy is patched by the cells the log names; further behind, it is read again. */
    static final long MAX_PATCHED = 5_000;
    /** A write of more cells than this is logged as one step per fiscal year ("read the year again"), not per cell. */
    static final int CELL_STEPS_UP_TO = 100;
    private static final String CELL = "CELL";
    private static final String YEAR = "YEAR";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private Disposable sweeping;

    private final ObjectProvider<UnfinishedBookings> unfinished;
    /** Every cell write is counted here after it is stored (also a write that found its entry held already). */
    private final ChangeLog changes;
    private final CurrentCopy<Years> copy;

    public LedgerTotals(ReactiveMongoTemplate mongo, Clock clock, ObjectProvider<UnfinishedBookings> unfinished) {
        this.mongo = mongo;
        this.clock = clock;
        this.unfinished = unfinished;
        this.changes = new ChangeLog(mongo, "ledger_changes", "ledger_change_log", "cells", KEPT);
        this.copy = new CurrentCopy<>(changes, MAX_PATCHED, CurrentCopy.Reader.of(
                () -> read(new Query()).map(cells -> Years.NONE.with(cells, Set.of())), this::patchCells));
    }

    /**
     * This instance's copy of the cells, per fiscal year and cell id: a report sums a year's 20,000 cells in
     * milliseconds, where reading them from MongoDB for every report took most of its time. Immutable; a patch copies
     * only the years it changes.
     */
    private record Years(Map<Integer, Map<String, Cell>> byYear) {

        static final Years NONE = new Years(Map.of());

        Collection<Cell> of(int fiscalYear) {
            return byYear.getOrDefault(fiscalYear, Map.of()).values();
        }

        /** These years replaced by what {@code cells} holds of them, and every other cell read put in its year. */
        Years with(List<Cell> cells, Set<Integer> replaced) {
            Map<Integer, Map<String, Cell>> years = new HashMap<>(byYear);
            replaced.forEach(year -> years.put(year, new HashMap<>()));
            Set<Integer> copied = new HashSet<>(replaced);
            for (Cell cell : cells) {
                int year = cell.key().fiscalYear();
                if (copied.add(year)) {
                    years.put(year, new HashMap<>(years.getOrDefault(year, Map.of())));
                }
                years.get(year).put(cellId(cell.key()), cell);
            }
            return new Years(years);
        }
    }

    /**
     * Whether an entry of this kind is the only one its cell can ever hold: a start-up grant ({@code STARTUP:<party
     * organization>}, once per party organization) and a year's working funds ({@code ANNUAL:<year>:<party
     * organization>}) — the cell's key is the entry's year, kind, street and party organization, and no other entry
     * of that kind names the same party organization (and year).
     */
    static boolean soleEntry(EntryKind kind) {
        return kind == EntryKind.STARTUP_GRANT || kind == EntryKind.ANNUAL_WORKING_FUNDS;
    }

    /** Adds a stored entry to its cell (once, however often asked) and marks it totalled. */
    public Mono<Void> add(LedgerEntry entry) {
        Key key = key(entry);
        long fen = fen(entry.amount());
        long members = members(entry.members());
        return (soleEntry(entry.kind()) ? insertCells(List.of(soleCell(entry.id(), key, fen, members)))
                : addToCell(entry.id(), key, fen, members))
                .then(counted(List.of(key)))
                .then(markTotalled(List.of(entry.id())));
    }

    /**
     * Adds many stored entries (an allocation run's): the sole-entry cells in one unordered bulk of inserts (a cell
     * that is there already holds its entry), any other entry by its conditional update; then marks those stored
     * untotalled as totalled (a run's own entries are stored totalled: {@link UnfinishedBookings}).
     */
    public Mono<Void> addAll(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
            List<Document> sole = new java.util.ArrayList<>();
            List<LedgerEntry> shared = new java.util.ArrayList<>();
            for (LedgerEntry entry : entries) {
                if (soleEntry(entry.kind())) {
                    sole.add(soleCell(entry.id(), key(entry), fen(entry.amount()), members(entry.members())));
                } else {
                    shared.add(entry);
                }
            }
            return insertCells(sole).then(Flux.fromIterable(shared)
                    .flatMap(entry -> addToCell(entry.id(), key(entry), fen(entry.amount()), members(entry.members())), 8)
                    .then())
                    .then(counted(entries.stream().map(LedgerTotals::key).toList()));
        }).then(Flux.fromIterable(entries).filter(entry -> !Boolean.TRUE.equals(entry.totalled())).map(LedgerEntry::id)
                .buffer(SWEEP_BATCH).concatMap(this::markTotalled).then());
    }

    /** A sole entry's cell, whole: what it sums and which entry it holds. */
    private static Document soleCell(String entryId, Key key, long fen, long members) {
        return new Document("_id", cellId(key)).append("fiscalYear", key.fiscalYear()).append("kind", key.kind().name())
                .append("street", key.street()).append("partyOrganizationId", key.partyOrganizationId())
                .append("entries", 1L).append("fen", fen).append("members", members).append("entryId", entryId);
    }

    /**
     * Inserts sole-entry cells in unordered batches; a duplicate {@code _id} is a cell that holds its (only) entry
     * already and is left as it is. Any other write error fails the booking.
     */
    private Mono<Void> insertCells(List<Document> cells) {
        if (cells.isEmpty()) {
            return Mono.empty();
        }
        return mongo.getCollection(COLLECTION).flatMapMany(collection -> Flux.fromIterable(cells).buffer(SWEEP_BATCH)
                .concatMap(batch -> Mono.from(collection.insertMany(batch, UNORDERED)).then()
                        .onErrorResume(MongoBulkWriteException.class, e -> onlyDuplicates(e) ? Mono.empty() : Mono.error(e))))
                .then();
    }

    private static boolean onlyDuplicates(MongoBulkWriteException e) {
        return e.getWriteConcernError() == null
                && e.getWriteErrors().stream().allMatch(error -> error.getCategory() == ErrorCategory.DUPLICATE_KEY);
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

    /**
     * Counts these cells' writes (stored already, or found held): one step per cell, or per fiscal year for a larger
     * write (an allocation run's thousands of cells), which a copy reads again whole. Counted before the entries are
     * marked totalled, so an entry whose cell write was not counted (an instance stopped in between) is added, and
     * counted, again by the sweep.
     */
    private Mono<Void> counted(List<Key> keys) {
        if (keys.isEmpty()) {
            return Mono.empty();
        }
        List<ChangeLog.Step> steps = keys.size() <= CELL_STEPS_UP_TO
                ? keys.stream().map(key -> cellId(key)).distinct().map(id -> ChangeLog.Step.of(CELL, id, 0)).toList()
                : keys.stream().map(Key::fiscalYear).distinct().sorted().map(year -> ChangeLog.Step.of(YEAR, String.valueOf(year), 0))
                        .toList();
        return changes.changed(steps);
    }

    /** The copy with the years and cells the steps name read again (a cell is never removed while its counter runs). */
    private Mono<Years> patchCells(Years held, List<ChangeLog.Step> steps) {
        Set<Integer> years = new TreeSet<>();
        Set<String> cellIds = new LinkedHashSet<>();
        for (ChangeLog.Step step : steps) {
            if (YEAR.equals(step.kind())) {
                years.add(Integer.valueOf(step.ref()));
            } else {
                cellIds.add(step.ref());
            }
        }
        cellIds.removeIf(id -> years.contains(Integer.valueOf(id.substring(0, id.indexOf('|')))));
        Flux<Cell> read = Flux.concat(Flux.fromIterable(years).concatMap(year -> read(Query.query(Criteria.where("fiscalYear").is(year)))
                        .flatMapIterable(cells -> cells)),
                cellIds.isEmpty() ? Flux.empty() : read(Query.query(Criteria.where("_id").in(cellIds))).flatMapIterable(cells -> cells));
        return read.collectList().map(cells -> held.with(cells, years));
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
     * The year's cells (one per kind, street and party organization), only this street's or party organization's if
     * given ({@code null}: all), from this instance's copy brought up to the counter first: about one per party
     * organization and kind, so a report sums them as it groups them.
     */
    public Mono<List<Cell>> cells(int fiscalYear, String street, String partyOrganizationId) {
        return copy.current().map(years -> years.of(fiscalYear).stream()
                .filter(cell -> (street == null || street.equals(cell.key().street()))
                        && (partyOrganizationId == null || partyOrganizationId.equals(cell.key().partyOrganizationId())))
                .toList());
    }

    /** The year's cells of one kind summed (the key's street and party organization {@code null}). */
    public Mono<Cell> total(int fiscalYear, EntryKind kind) {
        return copy.current().map(years -> {
            long entries = 0;
            long fen = 0;
            long members = 0;
            for (Cell cell : years.of(fiscalYear)) {
                if (cell.key().kind() == kind) {
                    entries += cell.entries();
                    fen += cell.fen();
                    members += cell.members();
                }
            }
            return new Cell(new Key(fiscalYear, kind, null, null), entries, fen, members);
        });
    }

    /** The year's cells. */
    public Mono<List<Cell>> ofYear(int fiscalYear) {
        return cells(fiscalYear, null, null);
    }

    /** The cells the query selects, as stored (without the ids of the entries they hold). */
    private Mono<List<Cell>> read(Query query) {
        query.fields().include("fiscalYear", "kind", "street", "partyOrganizationId", "entries", "fen", "members");
        return mongo.find(query, Document.class, COLLECTION)
                .publishOn(Schedulers.parallel())
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
                .flatMap(found -> {
                    List<Document> sole = new java.util.ArrayList<>();
                    List<Document> shared = new java.util.ArrayList<>();
                    for (Document d : found) {
                        (soleEntry(EntryKind.valueOf(d.getString("kind"))) ? sole : shared).add(d);
                    }
                    return insertCells(sole.stream().map(d -> soleCell(d.getString("_id"), key(d), fen(decimal(d.get("amount"))),
                                    number(d, "members"))).toList())
                            .then(Flux.fromIterable(shared)
                                    .concatMap(d -> addToCell(d.getString("_id"), key(d), fen(decimal(d.get("amount"))),
                                            number(d, "members")))
                                    .then())
                            .then(counted(found.stream().map(LedgerTotals::key).toList()))
                            .then(found.isEmpty() ? Mono.empty() : markTotalled(found.stream().map(d -> d.getString("_id")).toList()))
                            .thenReturn((long) found.size());
                });
    }

    private static Key key(Document entry) {
        return new Key(((Number) entry.get("fiscalYear")).intValue(), EntryKind.valueOf(entry.getString("kind")),
                entry.getString("street"), entry.getString("partyOrganizationId"));
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
                        .then(Flux.fromStream(unfinished.orderedStream()).concatMap(UnfinishedBookings::finishStale)
                                .reduce(0L, Long::sum))
                        .doOnNext(n -> {
                            if (n > 0) {
                                log.info("Ledger totals: finished {} bookings a stopped instance left", n);
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
