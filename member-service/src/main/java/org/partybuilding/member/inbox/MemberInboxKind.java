package org.partybuilding.member.inbox;

/** What member-service puts in a work inbox (待办, DOMAIN.md §6), in the order the portal lists the kinds. */
public enum MemberInboxKind {
    /** Rule 8: the applicant talk was due within a month of the application and has not been recorded. */
    APPLICANT_TALK_OVERDUE,
    /** Rule 8: an activist of a year or more, eligible to become a development target. */
    ACTIVIST_ELIGIBLE_FOR_TARGET,
    /** Rule 8: probation ends within the warning days, or has ended: confirm (or extend). */
    PROBATION_ENDING,
    /** Rule 9: a mobile member working here 6 months or more, no post in the original party organization (应转未转). */
    MOBILE_TRANSFER_DUE,
    /** Rules 6 and 10: the member's party organization was dissolved; the relationship must move. */
    TRANSFER_REQUIRED,
    /** Rule 11: 6 or more consecutive months of dues unpaid. */
    DUES_ARREARS
}
