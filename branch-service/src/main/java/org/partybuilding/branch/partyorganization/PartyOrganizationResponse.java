package org.partybuilding.branch.partyorganization;

import java.time.LocalDate;
import java.util.List;

import org.partybuilding.branch.domain.Formation;
import org.partybuilding.branch.domain.PartyOrganizationType;
import org.partybuilding.branch.member.MemberCount;

/**
 * A party organization as the API shows it.
 *
 * @param members       formal and probationary members whose relationship is in it, from member-service's events
 * @param meetsSixHaves every item of the six haves (六个有) is there
 * @param preExisting   established in a closed fiscal year (rule 14): recorded as pre-existing, no automatic start-up
 *                      grant (the district admin may book one by adjustment in funding-service)
 */
public record PartyOrganizationResponse(String id, long version, String name, PartyOrganizationType type, Formation formation,
        List<String> organizationIds, String street, String industry, String superior, LocalDate establishedOn,
        boolean approvedBySuperior, PartyOrganizationStatus status, LocalDate dissolvedOn, String dissolutionReason,
        String secretary, String deputySecretary, List<PartyOrganization.CommitteeSeat> committee, LocalDate electedOn,
        int electionPostponedMonths, LocalDate termEndsOn, SixHaves sixHaves, boolean meetsSixHaves, Rating rating,
        Members members, boolean preExisting) {

    /** Members counted from member events. */
    public record Members(int formal, int probationary) {
    }

    static PartyOrganizationResponse of(PartyOrganization p, MemberCount count) {
        return new PartyOrganizationResponse(p.id(), p.version(), p.name(), p.type(), p.formation(), p.organizationIds(),
                p.street(), p.industry(), p.superior(), p.establishedOn(), p.approvedBySuperior(), p.status(), p.dissolvedOn(),
                p.dissolutionReason(), p.secretaryMemberId(), p.deputySecretaryMemberId(), p.committee(), p.electedOn(),
                p.electionPostponedMonths(), p.termEndsOn(), p.sixHaves(), p.sixHaves().all(), p.rating(),
                new Members(count.formal(), count.probationary()), p.preExisting());
    }
}
