package org.partybuilding.funding.annual;

import java.time.LocalDate;
import java.util.List;

import org.partybuilding.funding.report.FundingReport;

/**
 * funding-service's section of the annual report to the district committee (每年向区委报告): the fiscal year's funding
 * booked by kind with the total, and by street — the funding report's own rows ({@code groupBy=kind} and
 * {@code groupBy=street}) for the same year and street, so they agree to the fen.
 */
public record FundingAnnualSection(int year, String street, String streetName, LocalDate asOf, List<FundingReport.Row> byKind,
        List<FundingReport.Row> byStreet, String total, long entries, int preExistingPartyOrganizations) {
}
