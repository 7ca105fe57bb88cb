package org.partybuilding.member.context;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What member-service knows of a party organization from branch events: which organizations it covers, and whether it still exists. */
@Document(KnownPartyOrganization.COLLECTION)
public record KnownPartyOrganization(@Id String id, long version, String name, String formation, List<String> organizationIds,
        String street, String status) {

    public static final String COLLECTION = "known_party_organizations";

    public KnownPartyOrganization {
        organizationIds = organizationIds == null ? List.of() : List.copyOf(organizationIds);
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
