package org.partybuilding.branch.coverage;

/**
 * Why a line is on the coverage gap list (DOMAIN.md §4). The first four are about an organization,
 * the others about a party organization. Numbers named here are the defaults of {@code branch.rules.*}.
 */
public enum GapReason {
    /** Active, 3+ formal members, but no single party organization of its own (rule 1, 应建必建). */
    SHOULD_FORM_SINGLE,
    /** Active, 1–2 formal members or only probationary ones, and no party organization covers it (rule 2). */
    NEEDS_JOINT,
    /** Active, no members, and neither a party organization nor an instructor (党建工作指导员) (rule 3). */
    NEEDS_INSTRUCTOR,
    /** Deregistered, yet its single party organization is still active: dissolve it by procedure (rule 6). */
    DEREGISTERED_WITH_ACTIVE_PARTY_ORGANIZATION,
    /** A joint party organization with fewer than 3 formal members in total (rules 2 and 6). */
    JOINT_BELOW_THREE,
    /** A branch (党支部) with more than 50 members: advisory, consider a general branch (rule 4). */
    OVERSIZED_BRANCH,
    /** A party organization whose term of office ends within 90 days or has ended (rule 5). */
    TERM_EXPIRED,
    /** A party organization with 7+ formal members and no elected committee (支部委员会) (rule 5). */
    COMMITTEE_NOT_ELECTED,
    /** A party organization without a secretary (书记) (rule 5). */
    SECRETARY_MISSING
}
