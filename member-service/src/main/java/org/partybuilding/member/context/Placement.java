package org.partybuilding.member.context;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.partybuilding.platform.problem.DomainRuleViolation;

/**
 * Rule 7a: a member registered, imported, updated or transferred into an organization whose party organization is
 * active belongs to that party organization at once; a party organization named for a member must be one that covers
 * the member's employer.
 */
public final class Placement {

    public static final String OF_THE_EMPLOYER = "RULE_7A_PARTY_ORGANIZATION_OF_THE_EMPLOYER";

    private static final Comparator<KnownPartyOrganization> PREFERRED = Comparator
            .comparing((KnownPartyOrganization p) -> !"SINGLE".equals(p.formation()))
            .thenComparing(p -> p.establishedOn() == null ? java.time.LocalDate.MAX : p.establishedOn())
            .thenComparing(KnownPartyOrganization::id);

    private Placement() {
    }

    /** 422 unless the party organization covers the member's employer. */
    public static void requireCovers(KnownPartyOrganization p, String organizationId) {
        if (!p.covers(organizationId)) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("partyOrganizationId", p.id());
            facts.put("organizationId", organizationId);
            facts.put("covers", p.organizationIds());
            throw new DomainRuleViolation(OF_THE_EMPLOYER, "Party organization " + p.id() + " does not cover the member's employer "
                    + organizationId + "; a member belongs to the party organization of the organization that employs them", facts);
        }
    }

    /**
     * The party organization the members of an organization belong to, among the active ones covering it: its own
     * ({@code SINGLE}) first, then the earliest established.
     */
    public static Optional<KnownPartyOrganization> choose(Collection<KnownPartyOrganization> covering) {
        return covering.stream().filter(KnownPartyOrganization::active).min(PREFERRED);
    }
}
