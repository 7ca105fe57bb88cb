package org.partybuilding.funding.allocation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A run as the API shows it (API.md {@code {fiscalYear, partyOrganizations, members, total}}): the figures are the
 * year's {@code ANNUAL_WORKING_FUNDS} entries in the ledger, so they are what was booked, also when asked again.
 */
public record AllocationResponse(int fiscalYear, LocalDate snapshotDate, long partyOrganizations, long members,
        String perMemberYuan, String total, AllocationRun.Status status, Instant startedAt, Instant completedAt) {
}
