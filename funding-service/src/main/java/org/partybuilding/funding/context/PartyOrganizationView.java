package org.partybuilding.funding.context;

import java.time.LocalDate;
import java.util.List;

import org.partybuilding.events.PartyOrganizationSnapshot;
import org.springframework.data.annotation.Id;

/** What funding needs of a party organization (党组织), from {@code branch.party-organizations.v1}. */
public record PartyOrganizationView(@Id String id, long version, String name, String type, String formation,
        List<String> organizationIds, String street, String status, LocalDate establishedOn) {

    public static final String COLLECTION = "partyOrganizations";

    public PartyOrganizationView {
        organizationIds = organizationIds == null ? List.of() : List.copyOf(organizationIds);
    }

    public static PartyOrganizationView of(PartyOrganizationSnapshot snapshot) {
        return new PartyOrganizationView(snapshot.id(), snapshot.version(), snapshot.name(), snapshot.type(),
                snapshot.formation(), snapshot.organizationIds(), snapshot.street(), snapshot.status(), snapshot.establishedOn());
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    /** Active and established on or before {@code date}: receives working funds for that snapshot date. */
    public boolean existsOn(LocalDate date) {
        return active() && (establishedOn == null || !establishedOn.isAfter(date));
    }
}
