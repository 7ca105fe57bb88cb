package org.partybuilding.events;

import java.time.LocalDate;
import java.util.List;

/**
 * Data of the party-organization events of {@code branch.party-organizations.v1}
 * ({@code PartyOrganizationEstablished}, {@code PartyOrganizationUpdated},
 * {@code PartyOrganizationDissolved}): a party organization (党组织) as branch-service holds it after
 * the change. {@code organizationIds} are the registry organizations it covers; {@code type} is
 * {@code BRANCH}, {@code GENERAL_BRANCH} or {@code COMMITTEE}; {@code formation} is {@code SINGLE},
 * {@code JOINT} or {@code AFFILIATED}; {@code status} is {@code ACTIVE} or {@code DISSOLVED}.
 */
public record PartyOrganizationSnapshot(
        String id,
        long version,
        String name,
        String type,
        String formation,
        List<String> organizationIds,
        String street,
        String industry,
        String superior,
        LocalDate establishedOn,
        String status,
        LocalDate dissolvedOn) implements AggregateSnapshot {

    public PartyOrganizationSnapshot {
        organizationIds = organizationIds == null ? List.of() : List.copyOf(organizationIds);
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
