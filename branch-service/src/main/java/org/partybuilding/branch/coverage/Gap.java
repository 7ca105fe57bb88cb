package org.partybuilding.branch.coverage;

/**
 * One line of the gap list. A line about an organization names it ({@code organizationId} set) and,
 * where one covers it, its party organization; a line about a party organization
 * ({@code JOINT_BELOW_THREE}, {@code OVERSIZED_BRANCH}, {@code TERM_EXPIRED}) has no organization.
 */
public record Gap(String organizationId, String organizationName, String partyOrganizationId, String partyOrganizationName,
        String street, GapReason reason) {

    static Gap of(OrganizationFacts organization, GapReason reason) {
        CoveringPartyOrganization party = organization.coveredBy();
        return new Gap(organization.organizationId(), organization.name(), party == null ? null : party.id(),
                party == null ? null : party.name(), organization.street(), reason);
    }

    static Gap of(PartyOrganizationFacts partyOrganization, GapReason reason) {
        return new Gap(null, null, partyOrganization.partyOrganizationId(), partyOrganization.name(),
                partyOrganization.street(), reason);
    }
}
