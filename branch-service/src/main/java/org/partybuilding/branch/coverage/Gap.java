package org.partybuilding.branch.coverage;

/**
 * One line of the gap list. A line about an organization names it ({@code organizationId} set) and,
 * where one covers it, its party organization; a line about a party organization
 * ({@code JOINT_BELOW_THREE}, {@code OVERSIZED_BRANCH}, {@code TERM_EXPIRED}) has no organization.
 *
 * @param membersToTransfer for {@code DEREGISTERED_WITH_ACTIVE_PARTY_ORGANIZATION}: the organization's members, who need
 *                          a relationship transfer (组织关系转接) before its party organization is dissolved (rule 6);
 *                          {@code null} on other lines. Who they are is member-service's
 *                          ({@code GET /api/members?organizationId=…})
 */
public record Gap(String organizationId, String organizationName, String partyOrganizationId, String partyOrganizationName,
        String street, GapReason reason, Integer membersToTransfer) {

    static Gap of(OrganizationFacts organization, GapReason reason) {
        CoveringPartyOrganization party = organization.coveredBy();
        return new Gap(organization.organizationId(), organization.name(), party == null ? null : party.id(),
                party == null ? null : party.name(), organization.street(), reason,
                reason == GapReason.DEREGISTERED_WITH_ACTIVE_PARTY_ORGANIZATION ? organization.members() : null);
    }

    static Gap of(PartyOrganizationFacts partyOrganization, GapReason reason) {
        return new Gap(null, null, partyOrganization.partyOrganizationId(), partyOrganization.name(),
                partyOrganization.street(), reason, null);
    }
}
