package org.partybuilding.member.members;

/** What a write did to a member, as its history ({@code GET /api/members/{id}/history}) names it. */
public enum MemberAction {
    /** {@code POST /api/members}. */
    REGISTERED,
    /** A row of {@code POST /api/members/import}. */
    IMPORTED,
    /** {@code PUT}/{@code PATCH /api/members/{id}}. */
    UPDATED,
    /** A stage transition to the next stage. */
    STAGE_CHANGED,
    PROBATION_EXTENDED,
    /** {@code to: LEFT}, with its reason. */
    LEFT,
    /** {@code POST /api/members/{id}/corrections}: a wrongly recorded stage date, with its reason. */
    CORRECTED,
    TRANSFER_REQUESTED,
    TRANSFER_COMPLETED,
    TRANSFER_REJECTED,
    TRANSFER_CANCELLED,
    /** Taken in by a party organization established (or extended) over the member's employer (rule 7a). */
    PLACED_BY_PARTY_ORGANIZATION,
    /** The member's party organization was dissolved: a transfer is required (rule 10). */
    TRANSFER_REQUIRED_BY_DISSOLUTION,
    /** The employer moved to another street (registry event): the member is seen there. */
    EMPLOYER_MOVED
}
