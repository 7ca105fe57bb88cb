package org.partybuilding.branch.inbox;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.partybuilding.branch.coverage.CoverageRules;
import org.partybuilding.branch.coverage.GapReason;
import org.partybuilding.branch.coverage.OrganizationFacts;
import org.partybuilding.branch.coverage.PartyOrganizationFacts;
import org.partybuilding.platform.inbox.InboxItem;

/**
 * What is due in branch-service's part of the work inbox (DOMAIN.md §6), in plain Java:
 * <ul>
 * <li>{@code TERM_EXPIRED} (rule 5): the term ends within {@code term-warning-days} or has ended; due on its end;</li>
 * <li>{@code COMMITTEE_NOT_ELECTED}, {@code SECRETARY_MISSING} (rule 5): as the gap list decides them
 *     ({@link CoverageRules#leadershipGaps}); due since the party organization's establishment (the platform keeps no
 *     date of when its members reached 7 or its secretary left);</li>
 * <li>{@code NEW_ORGANIZATION_WITHOUT_COVERAGE} (rule 7): an active organization registered within
 *     {@code new-organization-window-days} that has neither a party organization nor an instructor
 *     {@code new-organization-days} after its registration; due since then;</li>
 * <li>{@code JOINT_PLAN_UNTOUCHED} (rule 2): a proposal of the joint plan — computed from the current facts, never
 *     stored — could first be made when the last of its organizations registered; none of them has been covered since
 *     (else it would not be proposed), so it is due {@code joint-plan-untouched-days} after that.</li>
 * </ul>
 */
public final class BranchInboxRules {

    public static final String RULE_5 = "RULE_5_TERM_AND_LEADERSHIP";
    public static final String RULE_7 = "RULE_7_REGISTRATION_AND_PARTY_ORGANIZATION_TOGETHER";
    public static final String RULE_2 = "RULE_2_JOINT_PARTY_ORGANIZATION";

    private final CoverageRules coverage;
    private final InboxSettings settings;

    public BranchInboxRules(CoverageRules coverage, InboxSettings settings) {
        this.coverage = Objects.requireNonNull(coverage);
        this.settings = Objects.requireNonNull(settings);
    }

    /** An active party organization's items on {@code today}. */
    public List<InboxItem> partyOrganization(PartyOrganizationFacts p, LocalDate establishedOn, LocalDate today) {
        List<InboxItem> items = new ArrayList<>(3);
        String route = "/branches/" + p.partyOrganizationId();
        LocalDate termEndsOn = p.termEndsOn();
        if (termEndsOn != null && !termEndsOn.isAfter(today.plusDays(coverage.thresholds().termWarningDays()))) {
            items.add(new InboxItem(BranchInboxKind.TERM_EXPIRED.name(), p.partyOrganizationId(), p.name(), termEndsOn, null,
                    RULE_5, route, p.street(), p.partyOrganizationId()));
        }
        LocalDate since = establishedOn == null ? today : establishedOn;
        for (GapReason gap : coverage.leadershipGaps(p)) {
            BranchInboxKind kind = gap == GapReason.COMMITTEE_NOT_ELECTED ? BranchInboxKind.COMMITTEE_NOT_ELECTED
                    : BranchInboxKind.SECRETARY_MISSING;
            items.add(new InboxItem(kind.name(), p.partyOrganizationId(), p.name(), null, since, RULE_5, route, p.street(),
                    p.partyOrganizationId()));
        }
        return items;
    }

    /** A newly registered organization without coverage, if it is due on {@code today}. */
    public java.util.Optional<InboxItem> organization(OrganizationFacts o, LocalDate registeredOn, LocalDate today) {
        if (!o.active() || registeredOn == null || coverage.standing(o) != CoverageRules.Standing.UNCOVERED
                || registeredOn.isBefore(today.minusDays(settings.newOrganizationWindowDays()))) {
            return java.util.Optional.empty();
        }
        LocalDate due = registeredOn.plusDays(settings.newOrganizationDays());
        if (due.isAfter(today)) {
            return java.util.Optional.empty();
        }
        String route = o.hasMembers() ? "/organizations/" + o.organizationId()
                : "/branches/instructors?organizationId=" + o.organizationId();
        return java.util.Optional.of(new InboxItem(BranchInboxKind.NEW_ORGANIZATION_WITHOUT_COVERAGE.name(), o.organizationId(),
                o.name(), null, due, RULE_7, route, o.street(), null));
    }

    /**
     * A joint-plan proposal, if due on {@code today}.
     *
     * @param industryName     the industry's Chinese name ({@code null}: the proposal mixes industries)
     * @param lastRegisteredOn when the last of its organizations registered ({@code null}: unknown, taken as long ago)
     */
    public java.util.Optional<InboxItem> jointProposal(String street, String streetName, String industry, String industryName,
            int organizations,
            LocalDate lastRegisteredOn, LocalDate today) {
        LocalDate proposable = lastRegisteredOn == null ? LocalDate.of(2000, 1, 1) : lastRegisteredOn;
        LocalDate due = proposable.plusDays(settings.jointPlanUntouchedDays());
        if (due.isAfter(today)) {
            return java.util.Optional.empty();
        }
        String id = "joint-plan:" + street + ":" + (industry == null ? "MIXED" : industry);
        // the portal shows the name as it comes: Chinese (e.g. 建设街道 · 教育 · 3 个社会组织)
        String name = (streetName == null ? street : streetName + "街道") + " · " + (industryName == null ? "跨行业" : industryName)
                + " · " + organizations + " 个社会组织";
        return java.util.Optional.of(new InboxItem(BranchInboxKind.JOINT_PLAN_UNTOUCHED.name(), id, name, null, due, RULE_2,
                "/branches/joint-plan?street=" + street, street, null));
    }
}
