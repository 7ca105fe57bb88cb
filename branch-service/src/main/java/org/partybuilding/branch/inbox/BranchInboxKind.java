package org.partybuilding.branch.inbox;

/** What branch-service puts in a work inbox (待办, DOMAIN.md §6), in the order the portal lists the kinds. */
public enum BranchInboxKind {
    /** Rule 5: a term of office that ends within the warning days, or has ended. */
    TERM_EXPIRED,
    /** Rule 5: 7+ formal members and no elected committee. */
    COMMITTEE_NOT_ELECTED,
    /** Rule 5: no secretary. */
    SECRETARY_MISSING,
    /** Rule 7: an organization registered lately that is still without coverage a week after its registration. */
    NEW_ORGANIZATION_WITHOUT_COVERAGE,
    /** Rule 2: a joint-plan proposal nobody acted on (none of its organizations covered) for 30 days. */
    JOINT_PLAN_UNTOUCHED
}
