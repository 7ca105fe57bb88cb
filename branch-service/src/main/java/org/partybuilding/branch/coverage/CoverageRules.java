package org.partybuilding.branch.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.partybuilding.branch.domain.Formation;
import org.partybuilding.branch.domain.PartyOrganizationType;

/**
 * DOMAIN.md §3 rules as they decide coverage (覆盖), in plain Java. For an organization:
 * <ul>
 * <li>rule 1: 3 or more formal members → it must have its own {@code SINGLE} party organization (应建必建);</li>
 * <li>rule 2: 1–2 formal members, or only probationary members → a {@code JOINT} (or {@code AFFILIATED})
 *     party organization covers it;</li>
 * <li>rule 3: no members → an instructor gives it work coverage; without one it is a gap of its own kind;</li>
 * <li>rule 6: deregistered while its {@code SINGLE} party organization is still active → flagged at once.</li>
 * </ul>
 * For a party organization: a {@code JOINT} one below 3 formal members (rules 2, 6), a {@code BRANCH}
 * above 50 members (rule 4, advisory), a term that ends within 90 days or has ended (rule 5), 7+ formal members
 * and no elected committee, no secretary (rule 5).
 * The numbers are {@link Thresholds}, from configuration.
 */
public final class CoverageRules {

    /**
     * The rules' numbers ({@code branch.rules.*}).
     *
     * @param singleMinFormalMembers formal members from which an organization must form its own party organization (rule 1)
     * @param jointMinFormalMembers  formal members a joint party organization needs in total (rule 2)
     * @param branchMaxMembers       members a branch normally has at most (rule 4)
     * @param termWarningDays        how many days before its end a term is reported (rule 5)
     * @param committeeFromFormalMembers formal members from which a party organization elects a committee (rule 5)
     */
    public record Thresholds(int singleMinFormalMembers, int jointMinFormalMembers, int branchMaxMembers, int termWarningDays,
            int committeeFromFormalMembers) {

        public Thresholds {
            if (singleMinFormalMembers < 1 || jointMinFormalMembers < 1 || branchMaxMembers < 1 || termWarningDays < 0
                    || committeeFromFormalMembers < 1) {
                throw new IllegalArgumentException("Coverage thresholds must be positive (term warning days zero or more): " + this);
            }
        }
    }

    /** How an active organization is covered: by a party organization of some formation, by an instructor only, or not at all. */
    public enum Standing {
        SINGLE, JOINT, AFFILIATED, INSTRUCTOR_ONLY, UNCOVERED;

        /** Organization coverage (组织覆盖): a party organization covers it. */
        public boolean byPartyOrganization() {
            return this == SINGLE || this == JOINT || this == AFFILIATED;
        }

        /** Work coverage (工作覆盖): a party organization or an instructor. */
        public boolean byPartyWork() {
            return this != UNCOVERED;
        }
    }

    private final Thresholds thresholds;

    public CoverageRules(Thresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public Standing standing(OrganizationFacts organization) {
        Formation formation = organization.formation();
        if (formation != null) {
            return switch (formation) {
                case SINGLE -> Standing.SINGLE;
                case JOINT -> Standing.JOINT;
                case AFFILIATED -> Standing.AFFILIATED;
            };
        }
        return organization.instructorAssigned() ? Standing.INSTRUCTOR_ONLY : Standing.UNCOVERED;
    }

    /** The organization's gap, if it has one; the organization rules exclude each other, so there is at most one. */
    public Optional<GapReason> gap(OrganizationFacts organization) {
        Formation formation = organization.formation();
        if (!organization.active()) {
            return formation == Formation.SINGLE
                    ? Optional.of(GapReason.DEREGISTERED_WITH_ACTIVE_PARTY_ORGANIZATION)
                    : Optional.empty();
        }
        if (organization.formalMembers() >= thresholds.singleMinFormalMembers()) {
            return formation == Formation.SINGLE ? Optional.empty() : Optional.of(GapReason.SHOULD_FORM_SINGLE);
        }
        if (organization.hasMembers()) {
            return formation == null ? Optional.of(GapReason.NEEDS_JOINT) : Optional.empty();
        }
        return formation == null && !organization.instructorAssigned()
                ? Optional.of(GapReason.NEEDS_INSTRUCTOR)
                : Optional.empty();
    }

    /** An active party organization's gaps on {@code today}; it may have several. */
    public List<GapReason> gaps(PartyOrganizationFacts partyOrganization, LocalDate today) {
        List<GapReason> gaps = new ArrayList<>();
        if (partyOrganization.formation() == Formation.JOINT
                && partyOrganization.formalMembers() < thresholds.jointMinFormalMembers()) {
            gaps.add(GapReason.JOINT_BELOW_THREE);
        }
        if (partyOrganization.type() == PartyOrganizationType.BRANCH
                && partyOrganization.members() > thresholds.branchMaxMembers()) {
            gaps.add(GapReason.OVERSIZED_BRANCH);
        }
        LocalDate termEndsOn = partyOrganization.termEndsOn();
        if (termEndsOn != null && !termEndsOn.isAfter(today.plusDays(thresholds.termWarningDays()))) {
            gaps.add(GapReason.TERM_EXPIRED);
        }
        gaps.addAll(leadershipGaps(partyOrganization));
        return gaps;
    }

    /**
     * Rule 5's gaps of an active party organization: {@code COMMITTEE_NOT_ELECTED} with 7+ formal members and no elected
     * committee, {@code SECRETARY_MISSING} without a secretary. Coverage and standardization both report these.
     */
    public List<GapReason> leadershipGaps(PartyOrganizationFacts partyOrganization) {
        List<GapReason> gaps = new ArrayList<>(2);
        if (partyOrganization.formalMembers() >= thresholds.committeeFromFormalMembers() && !partyOrganization.committeeElected()) {
            gaps.add(GapReason.COMMITTEE_NOT_ELECTED);
        }
        if (!partyOrganization.secretaryNamed()) {
            gaps.add(GapReason.SECRETARY_MISSING);
        }
        return gaps;
    }
}
