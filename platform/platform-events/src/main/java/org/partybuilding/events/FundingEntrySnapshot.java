package org.partybuilding.events;

import java.time.Instant;
import java.util.List;
import java.util.Set;

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

    public static final Set<String> KINDS = Set.of("STARTUP_GRANT", "ANNUAL_WORKING_FUNDS", "DUES_RETURN", "ADJUSTMENT");

    /** Rule 17: every entry names its party organization, fiscal year, kind, amount and cause. */
    @Override
    public List<String> violations() {
        return Violations.of(this)
                .oneOf("kind", kind, KINDS)
                .text("partyOrganizationId", partyOrganizationId)
                .check(fiscalYear >= 1900 && fiscalYear <= 9999, "fiscalYear " + fiscalYear + " is not a year")
                .money("amount", amount, false)
                .text("cause", cause)
                .present("bookedAt", bookedAt)
                .list();
    }
}
