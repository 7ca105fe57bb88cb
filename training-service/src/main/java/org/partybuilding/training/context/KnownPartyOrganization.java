package org.partybuilding.training.context;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What training-service knows of a party organization from branch-service's events: its street
 * (data scope), its dates (which periods it owes, rule 12), its secretary and committee (whether
 * committee meetings are required; who needs 56 hours a year).
 */
@Document(KnownPartyOrganization.COLLECTION)
public record KnownPartyOrganization(@Id String id, long version, String name, String type, String formation, String street,
        String status, LocalDate establishedOn, LocalDate dissolvedOn, String secretaryMemberId, List<String> committeeMemberIds) {

    public static final String COLLECTION = "known_party_organizations";

    public KnownPartyOrganization {
        committeeMemberIds = committeeMemberIds == null ? List.of() : List.copyOf(committeeMemberIds);
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    /** A committee (支部委员会) has been elected: committee meetings are required. */
    public boolean hasCommittee() {
        return !committeeMemberIds.isEmpty();
    }

    public boolean isSecretary(String memberId) {
        return memberId != null && memberId.equals(secretaryMemberId);
    }

    /** Its secretary or a member of its committee (56 hours a year). */
    public boolean isLeader(String memberId) {
        return isSecretary(memberId) || (memberId != null && committeeMemberIds.contains(memberId));
    }
}
