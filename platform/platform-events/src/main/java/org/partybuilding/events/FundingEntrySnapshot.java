package org.partybuilding.events;

import java.time.Instant;

/**
 * Data of {@code FundingEntryBooked} on {@code funding.ledger.v1} (key = the party organization id): one
 * ledger entry (经费台账) as booked. Entries are never changed, so {@code version} is always 1. {@code kind} is
 * {@code STARTUP_GRANT}, {@code ANNUAL_WORKING_FUNDS}, {@code DUES_RETURN} or {@code ADJUSTMENT};
 * {@code amount} is yuan as a decimal string with 2 decimals (negative only for an adjustment);
 * {@code members} is the member count an annual allocation was computed from; {@code cause} names the event
 * or run that booked it ({@code event:<ce id>}, {@code allocation:<year>}, {@code adjustment}).
 */
public record FundingEntrySnapshot(
        String id,
        long version,
        String kind,
        String partyOrganizationId,
        String street,
        int fiscalYear,
        String amount,
        String basis,
        Integer members,
        String cause,
        String reason,
        Instant bookedAt) implements AggregateSnapshot {
}
