package org.partybuilding.registry.organization;

/** What a write did to an organization, as its history ({@code GET /api/registry/organizations/{id}/history}) names it. */
public enum OrganizationAction {
    /** {@code POST /api/registry/organizations}. */
    REGISTERED,
    /** A new organization from a row of {@code POST /api/registry/organizations/import}. */
    IMPORTED,
    /** {@code PUT}/{@code PATCH}, or an import row that changes an organization. */
    UPDATED,
    /** {@code POST /api/registry/organizations/{id}/deregistration}, with its reason. */
    DEREGISTERED
}
