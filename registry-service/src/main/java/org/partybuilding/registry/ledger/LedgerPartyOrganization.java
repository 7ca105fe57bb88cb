package org.partybuilding.registry.ledger;

import java.util.List;

import org.partybuilding.events.PartyOrganizationSnapshot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What the ledger keeps of a party organization (党组织) from branch-service's events: which organizations it covers. */
@Document(LedgerPartyOrganization.COLLECTION)
record LedgerPartyOrganization(@Id String id, long version, String name, String type, String formation,
        List<String> organizationIds, String status) {

    static final String COLLECTION = "ledger_party_organizations";

    static LedgerPartyOrganization of(PartyOrganizationSnapshot s) {
        return new LedgerPartyOrganization(s.id(), s.version(), s.name(), s.type(), s.formation(), s.organizationIds(), s.status());
    }

    boolean active() {
        return "ACTIVE".equals(status);
    }
}
