package org.partybuilding.training.context;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What training-service knows of a member from member-service's events: who they are attached to
 * (party organization, employer's street) and whether they are a party member now. No personal data
 * beyond the name, which the reports show.
 */
@Document(KnownMember.COLLECTION)
public record KnownMember(@Id String id, long version, String name, String organizationId, String partyOrganizationId,
        String street, String stage, String status) {

    public static final String COLLECTION = "known_members";

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    /** Formal (正式党员) or probationary (预备党员). */
    public boolean partyMember() {
        return "FORMAL".equals(stage) || "PROBATIONARY".equals(stage);
    }

    /** An active party member of that party organization. */
    public boolean partyMemberOf(String partyOrganizationId) {
        return active() && partyMember() && partyOrganizationId != null && partyOrganizationId.equals(this.partyOrganizationId);
    }
}
