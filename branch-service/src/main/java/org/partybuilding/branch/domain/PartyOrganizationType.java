package org.partybuilding.branch.domain;

/** Kinds of party organization (党组织), by size (DOMAIN.md rule 4). */
public enum PartyOrganizationType {
    /** 党支部: normally at most 50 members. */
    BRANCH,
    /** 党总支: more than 50 members, or fewer with the superior's approval. */
    GENERAL_BRANCH,
    /** 基层党委: 100 members or more. */
    COMMITTEE
}
