package org.partybuilding.funding.context;

import org.partybuilding.events.OrganizationSnapshot;
import org.springframework.data.annotation.Id;

/** What the budget forecast needs of a social organization (社会组织), from {@code registry.organizations.v1}. */
public record OrganizationView(@Id String id, long version, String street, String industry, String status) {

    public static final String COLLECTION = "organizations";

    public static OrganizationView of(OrganizationSnapshot snapshot) {
        return new OrganizationView(snapshot.id(), snapshot.version(), snapshot.street(), snapshot.industry(), snapshot.status());
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
