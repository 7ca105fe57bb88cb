package org.partybuilding.member.context;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What member-service knows of an organization from registry events: enough to place members in a street. */
@Document(KnownOrganization.COLLECTION)
public record KnownOrganization(@Id String id, long version, String name, String creditCode, String street, String status) {

    public static final String COLLECTION = "known_organizations";

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
