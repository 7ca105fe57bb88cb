package org.partybuilding.funding.ledger;

/**
 * The body of {@code POST /api/funding/ledger/adjustments}: {@code amount} in yuan as a decimal string, negative
 * to take back (e.g. {@code "-100.00"}), never zero; a {@code reason} is required (rule 17).
 */
public record AdjustmentRequest(String partyOrganizationId, Integer fiscalYear, String amount, String reason) {
}
