package org.partybuilding.funding.ledger;

import java.util.List;

import org.partybuilding.platform.outbox.BulkInserts;
import org.partybuilding.platform.outbox.OutboxRelay;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Books entries: an insert each, so the unique {@code _id} decides whether an entry is new. A duplicate is
 * the "already booked" answer, never an error. The in-memory {@link LedgerTotals} add only what was stored.
 */
@Service
public class Ledger {

    private final ReactiveMongoTemplate mongo;
    private final BulkInserts bulkInserts;
    private final OutboxRelay relay;
    private final LedgerTotals totals;

    public Ledger(ReactiveMongoTemplate mongo, BulkInserts bulkInserts, OutboxRelay relay, LedgerTotals totals) {
        this.mongo = mongo;
        this.bulkInserts = bulkInserts;
        this.relay = relay;
        this.totals = totals;
    }

    /** Emits {@code true} if the entry was booked now, {@code false} if an entry with its id already was. */
    public Mono<Boolean> book(LedgerEntry entry) {
        return mongo.insert(entry)
                .doOnNext(stored -> {
                    totals.added(stored);
                    relay.wakeUp(LedgerEntry.COLLECTION, List.of(stored.id()));
                })
                .map(stored -> true)
                .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just(false));
    }

    /**
     * Books many new entries in unordered batches ({@code BulkInserts}). {@code resuming}: some may already be
     * stored (a run that stopped half-way is finished); {@code BulkInserts} cannot tell those from the ones it
     * stored now, so the totals are then summed again from the ledger instead of added to.
     */
    public Mono<Void> bookAll(List<LedgerEntry> entries, boolean resuming) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        return bulkInserts.insert(entries, LedgerEntry.class, LedgerEntry::id)
                // Summing again reads the ledger and blocks: not on a driver thread.
                .publishOn(Schedulers.boundedElastic()).doOnNext(stored -> {
            if (resuming) {
                totals.rebuild();
            } else {
                entries.forEach(totals::added);
            }
        }).then();
    }
}
