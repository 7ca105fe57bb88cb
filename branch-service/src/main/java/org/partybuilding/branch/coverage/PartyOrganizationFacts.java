package org.partybuilding.branch.coverage;

import java.time.LocalDate;
import java.util.Objects;

import org.partybuilding.branch.domain.Formation;
import org.partybuilding.branch.domain.PartyOrganizationType;

/**
 * What the gap list checks for one active party organization (党组织).
 *
 * @param street              the street the party organization belongs to (its lines are shown under it)
 * @param formalMembers       its formal members (正式党员), over all the organizations it covers
 * @param probationaryMembers its probationary members (预备党员)
 * @param termEndsOn          when the current term of office ends (elections, postponements and term lengths
 *                            are the party organization's business), or {@code null} if none was recorded
 * @param committeeElected    it has an elected committee (支部委员会) (rule 5)
 * @param secretaryNamed      it has a secretary (书记) (rule 5)
 */
public record PartyOrganizationFacts(String partyOrganizationId, String name, String street, PartyOrganizationType type,
        Formation formation, int formalMembers, int probationaryMembers, LocalDate termEndsOn, boolean committeeElected,
        boolean secretaryNamed) {

    public PartyOrganizationFacts {
        Objects.requireNonNull(partyOrganizationId, "partyOrganizationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(formation, "formation");
    }

    /** Facts of a party organization with a secretary and, where it has 7+ formal members, a committee. */
    public PartyOrganizationFacts(String partyOrganizationId, String name, String street, PartyOrganizationType type,
            Formation formation, int formalMembers, int probationaryMembers, LocalDate termEndsOn) {
        this(partyOrganizationId, name, street, type, formation, formalMembers, probationaryMembers, termEndsOn, true, true);
    }

    public int members() {
        return formalMembers + probationaryMembers;
    }
}
