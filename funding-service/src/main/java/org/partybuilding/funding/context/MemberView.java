package org.partybuilding.funding.context;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.partybuilding.events.MemberSnapshot;
import org.springframework.data.annotation.Id;

/**
 * What funding needs of a member (党员), from {@code member.members.v1}: where it belongs now and whether it counts
 * for working funds (the latest version's state), and {@code history}, one {@link MemberFact} per version received,
 * from which {@link DatedMembership} says where the member counted on any day. No name or personal data: funding
 * never shows members.
 *
 * <p>Events may arrive again or out of order: the history is the set of versions received (a version already known
 * adds nothing), and the state is the highest version's; so the same events in any order give the same view.
 */
public record MemberView(@Id String id, long version, String organizationId, String partyOrganizationId, String street,
        String stage, String status, LocalDate admittedOn, List<MemberFact> history) {

    public static final String COLLECTION = "members";

    public MemberView {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A member as the current state only (no dated history: tests and tools that do not count by date). */
    public MemberView(String id, long version, String organizationId, String partyOrganizationId, String street, String stage,
            String status, LocalDate admittedOn) {
        this(id, version, organizationId, partyOrganizationId, street, stage, status, admittedOn, List.of());
    }

    /** The member as one event tells it; {@code on} is the day of the event. */
    public static MemberView of(MemberSnapshot member, LocalDate on) {
        return new MemberView(member.id(), member.version(), member.organizationId(), member.partyOrganizationId(),
                member.street(), member.stage(), member.status(), member.admittedOn(),
                List.of(new MemberFact(member.version(), member.partyOrganizationId(), member.partyOrganizationSince(),
                        member.status(), member.statusSince(), on)));
    }

    /**
     * The facts to count by: the history, or for a member kept before funding kept dates (no history) its state as one
     * fact of unknown date.
     */
    public List<MemberFact> facts() {
        return history.isEmpty() ? List.of(new MemberFact(version, partyOrganizationId, null, status, null, null)) : history;
    }

    /** Whether {@code other} brings a version this view has not received yet. */
    public boolean learnsFrom(MemberView other) {
        return other.facts().stream().anyMatch(fact -> facts().stream().noneMatch(known -> known.version() == fact.version()))
                && (!history.isEmpty() || other.version > version);
    }

    /** This view and {@code other} together: every version's fact once, the state of the highest version. */
    public MemberView with(MemberView other) {
        List<MemberFact> facts = new ArrayList<>(facts());
        for (MemberFact fact : other.facts()) {
            if (facts.stream().noneMatch(known -> known.version() == fact.version())) {
                facts.add(fact);
            }
        }
        facts.sort(Comparator.comparingLong(MemberFact::version));
        MemberView state = other.version > version ? other : this;
        return new MemberView(state.id, state.version, state.organizationId, state.partyOrganizationId, state.street, state.stage,
                state.status, state.admittedOn, facts);
    }

    /** Formal or probationary, and active: counted for working funds (rule 15). */
    public boolean activePartyMember() {
        return "ACTIVE".equals(status) && partyMember();
    }

    /** Formal (正式党员) or probationary (预备党员) by its current stage; one who left keeps the stage it had. */
    public boolean partyMember() {
        return "FORMAL".equals(stage) || "PROBATIONARY".equals(stage);
    }

    public boolean activeFormal() {
        return "ACTIVE".equals(status) && "FORMAL".equals(stage);
    }
}
