package org.partybuilding.funding.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.partybuilding.events.EventType;
import org.partybuilding.events.FundingEntrySnapshot;
import org.partybuilding.funding.money.Money;
import org.partybuilding.platform.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * One entry of the funding ledger (经费台账), rule 17: append-only, never edited or deleted. The {@code _id}
 * is the entry's natural key wherever there is one — {@code STARTUP:<party organization>},
 * {@code ANNUAL:<year>:<party organization>}, {@code DUES:<payment>} — so a redelivered event or a repeated run
 * collides with the unique {@code _id} and books nothing. {@code FundingEntryBooked} leaves through the
 * outbox written with the entry.
 *
 * @param members the member count an annual allocation was computed from (the basis as a number)
 * @param cause   the event or run that booked it
 * @param totalled whether {@link LedgerTotals} holds it ({@code false} from the insert until its cell does), or will
 *                 without being asked: an allocation run's entries are stored {@code true}, their run's {@code BOOKING}
 *                 status standing for them until their cells are in ({@link UnfinishedBookings})
 */
@Document(LedgerEntry.COLLECTION)
public record LedgerEntry(
        @Id String id,
        long version,
        EntryKind kind,
        String partyOrganizationId,
        String street,
        int fiscalYear,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal amount,
        String basis,
        Integer members,
        String cause,
        String reason,
        Instant bookedAt,
        String bookedBy,
        List<OutboxEvent> outbox,
        Boolean totalled) {

    public static final String COLLECTION = "entries";

    public static String startupId(String partyOrganizationId) {
        return "STARTUP:" + partyOrganizationId;
    }

    public static String annualId(int fiscalYear, String partyOrganizationId) {
        return "ANNUAL:" + fiscalYear + ":" + partyOrganizationId;
    }

    public static String annualPrefix(int fiscalYear) {
        return "ANNUAL:" + fiscalYear + ":";
    }

    public static String duesId(String paymentId) {
        return "DUES:" + paymentId;
    }

    /**
     * This entry stored as totalled: for a booking that adds its entries' cells itself and, should it stop before, is
     * finished by whoever finds it unfinished ({@link UnfinishedBookings}), so no entry needs a second write.
     */
    public LedgerEntry totalledByItsBooking() {
        return new LedgerEntry(id, version, kind, partyOrganizationId, street, fiscalYear, amount, basis, members, cause, reason,
                bookedAt, bookedBy, outbox, true);
    }

    /** A new entry with its {@code FundingEntryBooked} waiting in the outbox. */
    public static LedgerEntry book(String id, EntryKind kind, String partyOrganizationId, String street, int fiscalYear,
            BigDecimal amount, String basis, Integer members, String cause, String reason, Instant bookedAt, String bookedBy) {
        BigDecimal exact = amount.setScale(Money.SCALE);
        FundingEntrySnapshot snapshot = new FundingEntrySnapshot(id, 1, kind.name(), partyOrganizationId, street, fiscalYear,
                Money.format(exact), basis, members, cause, reason, bookedAt);
        return new LedgerEntry(id, 1, kind, partyOrganizationId, street, fiscalYear, exact, basis, members, cause, reason,
                bookedAt, bookedBy, List.of(OutboxEvent.of(EventType.FUNDING_ENTRY_BOOKED, snapshot, partyOrganizationId)), false);
    }
}
