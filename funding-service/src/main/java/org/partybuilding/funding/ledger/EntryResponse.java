package org.partybuilding.funding.ledger;

import java.time.Instant;

import org.partybuilding.funding.money.Money;

/**
 * A ledger entry as the API shows it; the amount as a decimal string with 2 decimals; {@code partyOrganizationName} from
 * branch-service's events ({@code null} while funding-service does not know the party organization).
 */
public record EntryResponse(String id, EntryKind kind, String partyOrganizationId, String partyOrganizationName, String street,
        int fiscalYear, String amount, String basis, Integer members, String cause, String reason, Instant bookedAt,
        String bookedBy) {

    public static EntryResponse of(LedgerEntry entry, String partyOrganizationName) {
        return new EntryResponse(entry.id(), entry.kind(), entry.partyOrganizationId(), partyOrganizationName, entry.street(),
                entry.fiscalYear(), Money.format(entry.amount()), entry.basis(), entry.members(), entry.cause(), entry.reason(),
                entry.bookedAt(), entry.bookedBy());
    }
}
