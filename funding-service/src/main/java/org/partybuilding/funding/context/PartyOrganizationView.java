package org.partybuilding.funding.context;

import java.time.LocalDate;
import java.util.List;

import org.partybuilding.events.PartyOrganizationSnapshot;
import org.springframework.data.annotation.Id;

/**
 * What funding needs of a party organization (党组织), from {@code branch.party-organizations.v1}: its street and name,
 * its dates (established, dissolved: which snapshot dates it receives working funds on, rule 15), and whether it was
 * recorded as pre-existing (established in a closed fiscal year: no automatic start-up grant, rule 14).
 */
public record PartyOrganizationView(@Id String id, long version, String name, String type, String formation,
        List<String> organizationIds, String street, String status, LocalDate establishedOn, LocalDate dissolvedOn,
        boolean preExisting) {

    public static final String COLLECTION = "partyOrganizations";

    public PartyOrganizationView {
        organizationIds = organizationIds == null ? List.of() : List.copyOf(organizationIds);
    }

    /** An active party organization, not pre-existing (tests and tools). */
    public PartyOrganizationView(String id, long version, String name, String type, String formation, List<String> organizationIds,
            String street, String status, LocalDate establishedOn) {
        this(id, version, name, type, formation, organizationIds, street, status, establishedOn, null, false);
    }

    public static PartyOrganizationView of(PartyOrganizationSnapshot snapshot) {
        return new PartyOrganizationView(snapshot.id(), snapshot.version(), snapshot.name(), snapshot.type(),
                snapshot.formation(), snapshot.organizationIds(), snapshot.street(), snapshot.status(), snapshot.establishedOn(),
                snapshot.dissolvedOn(), snapshot.preExisting());
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    /**
     * Existed on {@code date} (rule 15, as it stood that day): established on or before it, and not dissolved by then
     * (a party organization dissolved later still existed). A dissolved one whose dissolution date is unknown counts as
     * gone.
     */
    public boolean existsOn(LocalDate date) {
        boolean established = establishedOn == null || !establishedOn.isAfter(date);
        boolean notYetDissolved = active() || (dissolvedOn != null && date.isBefore(dissolvedOn));
        return established && notYetDissolved;
    }
}
