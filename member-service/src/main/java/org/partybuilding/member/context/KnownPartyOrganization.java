package org.partybuilding.member.context;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What member-service knows of a party organization from branch events: which organizations it covers (rule 7a: their
 * members belong to it), its street (the scope of who may place members in it), since when it exists, and whether it
 * still does.
 */
@Document(KnownPartyOrganization.COLLECTION)
public record KnownPartyOrganization(@Id String id, long version, String name, String formation, List<String> organizationIds,
        String street, String status, LocalDate establishedOn) {

    public static final String COLLECTION = "known_party_organizations";

    public KnownPartyOrganization {
        organizationIds = organizationIds == null ? List.of() : List.copyOf(organizationIds);
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    public boolean covers(String organizationId) {
        return organizationId != null && organizationIds.contains(organizationId);
    }
}
