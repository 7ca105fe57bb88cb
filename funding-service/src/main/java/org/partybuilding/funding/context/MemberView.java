package org.partybuilding.funding.context;

import java.time.LocalDate;

import org.partybuilding.events.MemberSnapshot;
import org.springframework.data.annotation.Id;

/**
 * What funding needs of a member (党员), from {@code member.members.v1}: where it belongs and whether it
 * counts for working funds. No name or personal data: funding never shows members.
 */
public record MemberView(@Id String id, long version, String organizationId, String partyOrganizationId, String street,
        String stage, String status, LocalDate admittedOn) {

    public static final String COLLECTION = "members";

    public static MemberView of(MemberSnapshot member) {
        return new MemberView(member.id(), member.version(), member.organizationId(), member.partyOrganizationId(),
                member.street(), member.stage(), member.status(), member.admittedOn());
    }

    /** Formal or probationary, and active: counted for working funds (rule 15). */
    public boolean activePartyMember() {
        return "ACTIVE".equals(status) && ("FORMAL".equals(stage) || "PROBATIONARY".equals(stage));
    }

    public boolean activeFormal() {
        return "ACTIVE".equals(status) && "FORMAL".equals(stage);
    }

    /**
     * Whether the member counts for its party organization's working funds on {@code snapshotDate}: an active
     * party member not admitted after that date (a member admitted later was not yet a party member then).
     */
    public boolean countsOn(LocalDate snapshotDate) {
        return activePartyMember() && partyOrganizationId != null && (admittedOn == null || !admittedOn.isAfter(snapshotDate));
    }
}
