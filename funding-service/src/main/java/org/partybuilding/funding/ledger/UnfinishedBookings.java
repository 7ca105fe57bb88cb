package org.partybuilding.funding.ledger;

import reactor.core.publisher.Mono;

/**
 * A booking of many entries that stores them already totalled ({@link LedgerEntry#totalledByItsBooking()}) and adds
 * their cells after: it keeps its own record of being unfinished (the allocation run's {@code BOOKING}), and finishes
 * what a stopped instance left when asked here. {@link LedgerTotals}' sweep asks every {@link LedgerTotals#SWEEP_EVERY}
 * on every instance, so the cells of a run that stopped half-way are added without waiting for its next request.
 */
public interface UnfinishedBookings {

    /** Finishes the bookings left unfinished by a stopped instance; emits how many. Idempotent, safe on many instances at once. */
    Mono<Long> finishStale();
}
