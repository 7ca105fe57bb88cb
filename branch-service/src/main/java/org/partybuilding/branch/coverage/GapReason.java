package org.partybuilding.branch.coverage;

/** Why an organization or party organization is a coverage gap (DOMAIN.md §4). */
public enum GapReason {
    /** 3+ formal members but no single party organization of its own (rule 1, 应建必建). */
    SHOULD_FORM_SINGLE,
    /** 1–2 formal members, or only probationary ones, and no joint or affiliated coverage (rule 2). */
    NEEDS_JOINT,
    /** No members and no instructor (党建工作指导员): work coverage is missing (rule 3). */
    NEEDS_INSTRUCTOR,
    /** Deregistered, yet its single party organization is still active (rule 6). */
    DEREGISTERED_WITH_ACTIVE_PARTY_ORGANIZATION,
    /** A joint party organization whose formal members fell below 3 (rules 2, 6). */
    JOINT_BELOW_THREE,
    /** A branch with more than 50 members (rule 4, advisory). */
    OVERSIZED_BRANCH,
    /** A committee whose term ends within 90 days or has ended (rule 5). */
    TERM_EXPIRED
}
