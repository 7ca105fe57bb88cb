package org.partybuilding.funding.report;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/funding/reports}: the fiscal year's ledger grouped by street, party organization or kind; each
 * row's {@code amount} is the sum of its entries, {@code total} the sum of the rows, which is the sum of the
 * ledger entries the caller may see. Amounts are decimal strings with 2 decimals. {@code preExisting}: the party
 * organizations established in the fiscal year that were recorded as pre-existing (the year was closed when they were
 * recorded: rule 14), so no start-up grant was booked for them — the ledger's word on why they have none.
 */
public record FundingReport(int fiscalYear, GroupBy groupBy, String street, List<Row> rows, long entries, String total,
        List<PreExisting> preExisting) {

    /** A party organization recorded as pre-existing: no automatic start-up grant (one may be booked by adjustment). */
    public record PreExisting(String partyOrganizationId, String name, String street, LocalDate establishedOn) {
    }

    public enum GroupBy {
        street, partyOrganization, kind
    }

    /**
     * One group: {@code key} is the street code, party organization id or kind; {@code name} the street's or party
     * organization's name; per kind the amounts that make up the row.
     */
    public record Row(String key, String name, String street, long entries, long members, String startupGrants,
            String annualWorkingFunds, String duesReturns, String adjustments, String amount) {
    }
}
