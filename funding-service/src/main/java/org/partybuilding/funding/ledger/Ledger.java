package org.partybuilding.funding.ledger;

import java.util.List;
import java.util.Set;

import org.partybuilding.platform.audit.Actor;
import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.audit.AuditTrail;
import org.partybuilding.platform.outbox.BulkInserts;
import org.partybuilding.platform.outbox.OutboxRelay;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * Books entries: an insert each, so the unique {@code _id} decides whether an entry is new. A duplicate is
 * the "already booked" answer, never an error. Each entry is then added to {@link LedgerTotals} (once, by its id): also
 * on a duplicate, so a redelivery after a stop between the insert and the totals completes what was left.
 */
@Service
public class Ledger {

    /** The audit trail's name for ledger entries, and what booking one is called there. */
    public static final String RESOURCE = "LedgerEntry";
    public static final String BOOKED = "ENTRY_BOOKED";
    /**
     * Who booked it and when: the audit record's actor and time say it. {@code totalled} is the totals' own
     * bookkeeping ({@link LedgerTotals}), nothing a user booked.
     */
    private static final Set<String> BOOKKEEPING = Set.of("bookedAt", "bookedBy", "totalled");

    private final ReactiveMongoTemplate mongo;
    private final BulkInserts bulkInserts;
    private final OutboxRelay relay;
    private final LedgerTotals totals;
    private final AuditTrail audit;

    public Ledger(ReactiveMongoTemplate mongo, BulkInserts bulkInserts, OutboxRelay relay, LedgerTotals totals, AuditTrail audit) {
        this.audit = audit;
        this.mongo = mongo;
        this.bulkInserts = bulkInserts;
        this.relay = relay;
        this.totals = totals;
    }

    /**
     * Emits {@code true} if the entry was booked now, {@code false} if an entry with its id already was. The entry keeps
     * who booked it ({@code actor}: a user, or the event's service) as its audit record, in the same insert.
     */
    public Mono<Boolean> book(LedgerEntry entry, Actor actor) {
        return audit.insert(entry, record(entry, actor))
                .doOnNext(stored -> relay.wakeUp(LedgerEntry.COLLECTION, List.of(stored.id())))
                .flatMap(stored -> totals.add(stored).thenReturn(true))
                .onErrorResume(DuplicateKeyException.class, duplicate -> mongo.findById(entry.id(), LedgerEntry.class)
                        .flatMap(booked -> Boolean.TRUE.equals(booked.totalled()) ? Mono.<Void>empty() : totals.add(booked))
                        .thenReturn(false));
    }

    /**
     * Books many new entries in unordered batches ({@code BulkInserts}), then adds them to the totals. {@code resuming}:
     * some may already be stored (a run that stopped half-way is finished); the totals then add the year's entries of
     * that kind as stored (each once), not the ones just computed. Entries stored totalled
     * ({@link LedgerEntry#totalledByItsBooking()}) are not written again; their booking keeps its own record of being
     * unfinished ({@link UnfinishedBookings}). Emits whether this call stored every one of them (none was there already).
     */
    public Mono<Boolean> bookAll(List<LedgerEntry> entries, boolean resuming, Actor actor) {
        if (entries.isEmpty()) {
            return Mono.just(true);
        }
        return bulkInserts.insert(entries, LedgerEntry.class, LedgerEntry::id, stored -> { }, entry -> record(entry, actor))
                .flatMap(stored -> (resuming ? mongo.find(Query.query(Criteria.where("fiscalYear").is(entries.get(0).fiscalYear())
                                .and("kind").is(entries.get(0).kind())), LedgerEntry.class).collectList().flatMap(totals::addAll)
                        : totals.addAll(entries))
                        .thenReturn(stored.stream().allMatch(Boolean::booleanValue)));
    }

    /** The entry's audit record: every field it is booked with, its reason where it has one (an adjustment). */
    private AuditRecord record(LedgerEntry entry, Actor actor) {
        AuditRecord first = audit.created(actor, BOOKED, RESOURCE, entry.id(), entry, BOOKKEEPING);
        return entry.reason() == null ? first : new AuditRecord(first.id(), first.at(), first.actor(), first.action(),
                first.resource(), first.resourceId(), first.changes(), entry.reason());
    }
}
