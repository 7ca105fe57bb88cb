package org.partybuilding.funding.allocation;

import java.time.LocalDate;

/** The body of {@code POST /api/funding/allocations}: {@code {"fiscalYear": 2026, "snapshotDate": "2026-06-30"}}. */
public record AllocationRequest(Integer fiscalYear, LocalDate snapshotDate) {
}
