package org.partybuilding.funding.inbox;

/** What funding-service puts in a work inbox (待办, DOMAIN.md §6). */
public enum FundingInboxKind {
    /** Rule 14: the start-up grant due to a party organization established this fiscal year differs from the ledger. */
    GRANT_PENDING,
    /** Rule 15: this fiscal year's working funds are not allocated yet, or the ledger differs from the allocation due. */
    ALLOCATION_PENDING
}
