package org.partybuilding.training.context;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/**
 * The member and party-organization read models in memory, beside their MongoDB collections: a
 * general meeting's quorum, the membership of every attendee and the reports over a whole district
 * are answered without reading the collections again. Filled from the collections at start
 * ({@code ContextLoader}) and kept current by the same version-guarded events that update them.
 */
@Component
public class Directory {

    private final ConcurrentMap<String, KnownMember> members = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, KnownPartyOrganization> partyOrganizations = new ConcurrentHashMap<>();

    public void put(KnownMember m) {
        members.merge(m.id(), m, (current, next) -> next.version() > current.version() ? next : current);
    }

    public void put(KnownPartyOrganization p) {
        partyOrganizations.merge(p.id(), p, (current, next) -> next.version() > current.version() ? next : current);
    }

    public Optional<KnownMember> member(String id) {
        return Optional.ofNullable(id == null ? null : members.get(id));
    }

    public Optional<KnownPartyOrganization> partyOrganization(String id) {
        return Optional.ofNullable(id == null ? null : partyOrganizations.get(id));
    }

    public Collection<KnownMember> members() {
        return members.values();
    }

    public Collection<KnownPartyOrganization> partyOrganizations() {
        return partyOrganizations.values();
    }

    /** Active party members (formal and probationary) of a party organization now. */
    public int partyMembers(String partyOrganizationId) {
        int n = 0;
        for (KnownMember m : members.values()) {
            if (m.partyMemberOf(partyOrganizationId)) {
                n++;
            }
        }
        return n;
    }

    /** Secretaries and committee members of the active party organizations. */
    public Set<String> leaders() {
        Set<String> leaders = new HashSet<>();
        for (KnownPartyOrganization p : partyOrganizations.values()) {
            if (p.active()) {
                if (p.secretaryMemberId() != null) {
                    leaders.add(p.secretaryMemberId());
                }
                leaders.addAll(p.committeeMemberIds());
            }
        }
        return leaders;
    }

    public boolean isLeader(String memberId) {
        return partyOrganizations.values().stream().anyMatch(p -> p.active() && p.isLeader(memberId));
    }
}
