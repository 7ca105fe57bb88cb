package org.partybuilding.branch.partyorganization;

/** What a write did to a party organization, as its history ({@code GET /api/branches/{id}/history}) names it. */
public enum PartyOrganizationAction {
    /** {@code POST /api/branches}. */
    ESTABLISHED,
    /** {@code PUT}/{@code PATCH}: name, secretary, committee, election, six haves, rating. */
    UPDATED,
    /** A joint party organization covers one more organization. */
    ORGANIZATION_ADDED,
    /** A joint party organization no longer covers an organization. */
    ORGANIZATION_REMOVED,
    /** The registry deregistered a covered organization: dropped from a joint party organization (rule 6). */
    ORGANIZATION_DEREGISTERED,
    /** {@code POST /api/branches/{id}/dissolution}, with its reason. */
    DISSOLVED,
    /** {@code POST /api/branches/instructors}. */
    INSTRUCTOR_ASSIGNED
}
