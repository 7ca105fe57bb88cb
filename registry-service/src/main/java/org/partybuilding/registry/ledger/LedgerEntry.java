package org.partybuilding.registry.ledger;

import org.partybuilding.registry.organization.OperatingStatus;
import org.partybuilding.registry.organization.OrganizationStatus;
import org.partybuilding.registry.organization.OrganizationType;

/**
 * One line of the five-clears ledger (五个清台账): operating status (经营状况), employees (从业人员),
 * party organization set-up (党组织设置), party member count (党员人数) and the head's identity
 * (业主身份: is the legal representative a party member).
 */
public record LedgerEntry(
        String organizationId,
        String name,
        String creditCode,
        OrganizationType type,
        String street,
        String industry,
        OrganizationStatus status,
        OperatingStatus operatingStatus,
        int employees,
        int fullTimeStaff,
        PartyOrganization partyOrganization,
        Members members,
        boolean legalRepresentativePartyMember) {

    /** The party organization covering the organization, or {@code null} where none does. */
    public record PartyOrganization(String id, String name, String formation, String type) {
    }

    /** Party members employed there, active in the district. */
    public record Members(long formal, long probationary) {
    }
}
