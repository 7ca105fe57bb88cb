package org.partybuilding.branch.partyorganization;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.partybuilding.branch.domain.Formation;
import org.partybuilding.branch.domain.PartyOrganizationType;
import org.partybuilding.platform.problem.DomainRuleViolation;

/**
 * DOMAIN.md §3 rules 1, 2, 4 and 5 as they decide whether a party organization (党组织) may be established or
 * changed, in plain Java. A refusal is a {@link DomainRuleViolation} naming the rule, with the counts that decided
 * it in its facts. Every number is a {@link Settings} value from configuration.
 */
public final class FormationRules {

    public static final String RULE_1_SINGLE_FORMAL_MEMBERS = "RULE_1_SINGLE_NEEDS_FORMAL_MEMBERS";
    public static final String RULE_1_SINGLE_ONE_ORGANIZATION = "RULE_1_SINGLE_COVERS_ONE_ORGANIZATION";
    public static final String RULE_1_SHOULD_FORM_SINGLE = "RULE_1_ORGANIZATION_SHOULD_FORM_SINGLE";
    public static final String RULE_2_JOINT_FORMAL_MEMBERS = "RULE_2_JOINT_NEEDS_FORMAL_MEMBERS";
    public static final String RULE_2_JOINT_ORGANIZATIONS = "RULE_2_JOINT_COVERS_TWO_TO_FIVE_ORGANIZATIONS";
    public static final String RULE_2_ORGANIZATION_WITHOUT_MEMBERS = "RULE_2_COVERED_ORGANIZATION_NEEDS_MEMBERS";
    public static final String RULE_3_INSTRUCTOR = "RULE_3_INSTRUCTOR_FOR_ORGANIZATIONS_WITHOUT_MEMBERS";
    public static final String RULE_4_GENERAL_BRANCH = "RULE_4_GENERAL_BRANCH_SIZE";
    public static final String RULE_4_COMMITTEE = "RULE_4_COMMITTEE_SIZE";
    public static final String RULE_5_COMMITTEE = "RULE_5_COMMITTEE_AND_SECRETARY";
    public static final String RULE_5_POSTPONEMENT = "RULE_5_ELECTION_POSTPONEMENT";

    /**
     * The rules' numbers ({@code branch.rules.*}).
     *
     * @param singleMinFormalMembers       rule 1: formal members from which an organization has its own party organization
     * @param jointMinFormalMembers        rule 2: formal members a joint party organization needs in total
     * @param jointMaxOrganizations        rule 2: organizations a joint party organization covers at most
     * @param branchMaxMembers             rule 4: members of a branch at most; a general branch needs more (or approval)
     * @param committeeMinMembers          rule 4: members a committee (基层党委) needs at least
     * @param committeeFromFormalMembers   rule 5: formal members from which a committee (支委会) is elected
     * @param committeeMinSeats            rule 5: seats of an elected committee at least
     * @param committeeMaxSeats            rule 5: seats of an elected committee at most
     * @param branchTermYears              rule 5: term of a branch and a general branch
     * @param committeeTermYears           rule 5: term of a committee (基层党委)
     * @param maxPostponementMonths        rule 5: an election may be postponed by at most this, with approval
     */
    public record Settings(int singleMinFormalMembers, int jointMinFormalMembers, int jointMaxOrganizations,
            int branchMaxMembers, int committeeMinMembers, int committeeFromFormalMembers, int committeeMinSeats,
            int committeeMaxSeats, int branchTermYears, int committeeTermYears, int maxPostponementMonths) {

        public Settings {
            if (singleMinFormalMembers < 1 || jointMinFormalMembers < 1 || jointMaxOrganizations < 2 || branchMaxMembers < 1
                    || committeeMinMembers < 1 || committeeFromFormalMembers < 1 || committeeMinSeats < 1
                    || committeeMaxSeats < committeeMinSeats || branchTermYears < 1 || committeeTermYears < 1
                    || maxPostponementMonths < 0) {
                throw new IllegalArgumentException("Formation rule numbers out of range: " + this);
            }
        }
    }

    /** One organization to be covered, with its formal and probationary members employed there. */
    public record Covered(String organizationId, String name, int formalMembers, int probationaryMembers) {

        public int members() {
            return formalMembers + probationaryMembers;
        }
    }

    /** A committee seat as asked for; {@code role} is one of {@link SeatRole}. */
    public record Seat(String memberId, SeatRole role) {
    }

    private final Settings settings;

    public FormationRules(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Rules 1, 2 and 4 for a party organization of {@code type} and {@code formation} covering {@code organizations}
     * (counts from the member read model).
     */
    public void requireFormation(PartyOrganizationType type, Formation formation, List<Covered> organizations,
            boolean approvedBySuperior) {
        int formal = organizations.stream().mapToInt(Covered::formalMembers).sum();
        int members = organizations.stream().mapToInt(Covered::members).sum();
        switch (formation) {
            case SINGLE -> requireSingle(organizations);
            case JOINT -> {
                requireEachWithMembers(formation, organizations);
                requireJoint(organizations, formal);
            }
            case AFFILIATED -> {
                requireEachWithMembers(formation, organizations);
                requireNoneShouldFormSingle(organizations);
            }
        }
        requireType(type, members, approvedBySuperior);
    }

    /** Rule 2 when a joint party organization takes in {@code added}: it too has fewer than the single's minimum. */
    public void requireJointAddition(List<Covered> after, Covered added) {
        requireEachWithMembers(Formation.JOINT, List.of(added));
        requireNoneShouldFormSingle(List.of(added));
        requireJointSize(after, after.stream().mapToInt(Covered::formalMembers).sum());
    }

    /**
     * Rule 2 when an organization leaves a joint party organization: what remains is still 2+ organizations with enough
     * formal members. (An organization that grew to form its own SINGLE party organization is what usually leaves.)
     */
    public void requireJointRemoval(List<Covered> remaining) {
        requireJointSize(remaining, remaining.stream().mapToInt(Covered::formalMembers).sum());
    }

    private void requireSingle(List<Covered> organizations) {
        if (organizations.size() != 1) {
            throw new DomainRuleViolation(RULE_1_SINGLE_ONE_ORGANIZATION, "A SINGLE party organization covers exactly one "
                    + "organization, not " + organizations.size() + " (several organizations form a JOINT one)",
                    Map.of("organizations", organizations.size()));
        }
        Covered only = organizations.get(0);
        if (only.formalMembers() < settings.singleMinFormalMembers()) {
            throw new DomainRuleViolation(RULE_1_SINGLE_FORMAL_MEMBERS, "Rule 1: a SINGLE party organization needs "
                    + settings.singleMinFormalMembers() + " or more formal members employed at the organization; "
                    + only.name() + " has " + only.formalMembers() + " (and " + only.probationaryMembers()
                    + " probationary): cover it by a JOINT or AFFILIATED party organization (rule 2)",
                    facts("organizationId", only.organizationId(), "formalMembers", only.formalMembers(),
                            "probationaryMembers", only.probationaryMembers(), "required", settings.singleMinFormalMembers()));
        }
    }

    private void requireJoint(List<Covered> organizations, int formal) {
        requireNoneShouldFormSingle(organizations);
        requireJointSize(organizations, formal);
    }

    private void requireJointSize(List<Covered> organizations, int formal) {
        if (organizations.size() < 2 || organizations.size() > settings.jointMaxOrganizations()) {
            throw new DomainRuleViolation(RULE_2_JOINT_ORGANIZATIONS, "Rule 2: a JOINT party organization covers 2 to "
                    + settings.jointMaxOrganizations() + " organizations, not " + organizations.size(),
                    facts("organizations", organizations.size(), "maximum", settings.jointMaxOrganizations()));
        }
        if (formal < settings.jointMinFormalMembers()) {
            throw new DomainRuleViolation(RULE_2_JOINT_FORMAL_MEMBERS, "Rule 2: a JOINT party organization needs "
                    + settings.jointMinFormalMembers() + " or more formal members in total; its " + organizations.size()
                    + " organizations have " + formal,
                    facts("formalMembers", formal, "required", settings.jointMinFormalMembers(), "organizations",
                            organizations.size()));
        }
    }

    /**
     * Rules 2 and 3: every organization a {@code JOINT} or {@code AFFILIATED} party organization covers has at least one
     * member (formal or probationary); one without members gets an instructor (rule 3), never a party organization.
     */
    private static void requireEachWithMembers(Formation formation, List<Covered> organizations) {
        for (Covered organization : organizations) {
            if (organization.members() == 0) {
                throw new DomainRuleViolation(RULE_2_ORGANIZATION_WITHOUT_MEMBERS, "Rules 2 and 3: a " + formation
                        + " party organization covers only organizations with at least one member (formal or probationary); "
                        + organization.name() + " has none: it gets an instructor (党建工作指导员, rule 3), not a party organization",
                        facts("organizationId", organization.organizationId(), "formalMembers", 0, "probationaryMembers", 0,
                                "formation", formation.name()));
            }
        }
    }

    private void requireNoneShouldFormSingle(List<Covered> organizations) {
        for (Covered organization : organizations) {
            if (organization.formalMembers() >= settings.singleMinFormalMembers()) {
                throw new DomainRuleViolation(RULE_1_SHOULD_FORM_SINGLE, "Rule 1: " + organization.name() + " has "
                        + organization.formalMembers() + " formal members (" + settings.singleMinFormalMembers()
                        + " or more) and must form its own SINGLE party organization; only organizations with fewer are "
                        + "covered jointly or by affiliation",
                        facts("organizationId", organization.organizationId(), "formalMembers", organization.formalMembers(),
                                "singleFrom", settings.singleMinFormalMembers()));
            }
        }
    }

    /** Rule 4: the type by size; a branch above the limit is allowed (flagged {@code OVERSIZED_BRANCH} in coverage). */
    void requireType(PartyOrganizationType type, int members, boolean approvedBySuperior) {
        if (type == PartyOrganizationType.COMMITTEE && members < settings.committeeMinMembers()) {
            throw new DomainRuleViolation(RULE_4_COMMITTEE, "Rule 4: a COMMITTEE (基层党委) needs " + settings.committeeMinMembers()
                    + " or more members; the organizations have " + members,
                    facts("members", members, "required", settings.committeeMinMembers()));
        }
        if (type == PartyOrganizationType.GENERAL_BRANCH && members <= settings.branchMaxMembers() && !approvedBySuperior) {
            throw new DomainRuleViolation(RULE_4_GENERAL_BRANCH, "Rule 4: a GENERAL_BRANCH (党总支) needs more than "
                    + settings.branchMaxMembers() + " members, or the superior's approval (approvedBySuperior); the "
                    + "organizations have " + members,
                    facts("members", members, "moreThan", settings.branchMaxMembers(), "approvedBySuperior", false));
        }
    }

    /**
     * Rule 5 for the secretary, deputy and committee asked for, given the party organization's formal members.
     * With fewer than {@code committeeFromFormalMembers} formal members: a secretary (and optionally a deputy) and no
     * committee; from then on an elected committee has {@code committeeMinSeats}–{@code committeeMaxSeats} seats, one
     * of them the secretary's. Whether each person is a formal member of the party organization is checked with
     * {@code formalMemberHere}.
     */
    public void requireLeadership(int formalMembers, String secretary, String deputySecretary, List<Seat> committee,
            java.util.function.Predicate<String> formalMemberHere) {
        Map<String, Object> facts = facts("formalMembers", formalMembers, "committeeFrom", settings.committeeFromFormalMembers(),
                "committeeSeats", committee.size());
        if (secretary != null && secretary.equals(deputySecretary)) {
            throw new DomainRuleViolation(RULE_5_COMMITTEE, "Rule 5: the secretary and the deputy secretary are two people", facts);
        }
        if (!committee.isEmpty()) {
            if (formalMembers < settings.committeeFromFormalMembers()) {
                throw new DomainRuleViolation(RULE_5_COMMITTEE, "Rule 5: with fewer than " + settings.committeeFromFormalMembers()
                        + " formal members (it has " + formalMembers + ") a party organization has a secretary, and "
                        + "optionally a deputy, but no committee", facts);
            }
            if (committee.size() < settings.committeeMinSeats() || committee.size() > settings.committeeMaxSeats()) {
                throw new DomainRuleViolation(RULE_5_COMMITTEE, "Rule 5: an elected committee has " + settings.committeeMinSeats()
                        + " to " + settings.committeeMaxSeats() + " seats, not " + committee.size(), facts);
            }
            Set<String> seated = new HashSet<>();
            for (Seat seat : committee) {
                if (!seated.add(seat.memberId())) {
                    throw new DomainRuleViolation(RULE_5_COMMITTEE, "Rule 5: member " + seat.memberId()
                            + " holds more than one committee seat", facts);
                }
            }
            List<Seat> secretaries = committee.stream().filter(s -> s.role() == SeatRole.SECRETARY).toList();
            if (secretaries.size() != 1) {
                throw new DomainRuleViolation(RULE_5_COMMITTEE, "Rule 5: the committee includes exactly one SECRETARY seat, not "
                        + secretaries.size(), facts);
            }
            if (secretary != null && !secretary.equals(secretaries.get(0).memberId())) {
                throw new DomainRuleViolation(RULE_5_COMMITTEE, "Rule 5: the secretary holds the committee's SECRETARY seat", facts);
            }
            if (committee.stream().filter(s -> s.role() == SeatRole.DEPUTY_SECRETARY).count() > 2) {
                throw new DomainRuleViolation(RULE_5_COMMITTEE, "Rule 5: a committee has at most two deputy secretaries", facts);
            }
            if (deputySecretary != null && committee.stream().noneMatch(s -> s.role() == SeatRole.DEPUTY_SECRETARY
                    && s.memberId().equals(deputySecretary))) {
                throw new DomainRuleViolation(RULE_5_COMMITTEE, "Rule 5: where a committee is elected the deputy secretary "
                        + "holds one of its DEPUTY_SECRETARY seats", facts);
            }
        }
        List<String> people = new java.util.ArrayList<>();
        if (secretary != null) {
            people.add(secretary);
        }
        if (deputySecretary != null) {
            people.add(deputySecretary);
        }
        committee.forEach(seat -> people.add(seat.memberId()));
        for (String person : people) {
            if (!formalMemberHere.test(person)) {
                throw new DomainRuleViolation(RULE_5_COMMITTEE, "Rule 5: " + person + " is not an active formal member "
                        + "whose relationship is in this party organization; secretaries and committee members are elected "
                        + "from its formal members", facts("memberId", person));
            }
        }
    }

    /**
     * Rule 5: when the current term ends. Terms run from the last election, or from establishment before the first;
     * {@code branchTermYears} for a branch or general branch, {@code committeeTermYears} for a committee, plus a
     * postponement of at most {@code maxPostponementMonths}.
     */
    public LocalDate termEndsOn(PartyOrganizationType type, LocalDate establishedOn, LocalDate electedOn, int postponedMonths) {
        if (postponedMonths < 0 || postponedMonths > settings.maxPostponementMonths()) {
            throw new DomainRuleViolation(RULE_5_POSTPONEMENT, "Rule 5: an election may be postponed by at most "
                    + settings.maxPostponementMonths() + " months, not " + postponedMonths,
                    facts("electionPostponedMonths", postponedMonths, "maximum", settings.maxPostponementMonths()));
        }
        LocalDate from = electedOn != null ? electedOn : establishedOn;
        if (from == null) {
            return null;
        }
        int years = type == PartyOrganizationType.COMMITTEE ? settings.committeeTermYears() : settings.branchTermYears();
        return from.plusYears(years).plusMonths(postponedMonths);
    }

    /** Rule 3: instructors are for organizations without members. */
    public void requireWithoutMembers(List<Covered> organizations) {
        for (Covered organization : organizations) {
            if (organization.members() > 0) {
                throw new DomainRuleViolation(RULE_3_INSTRUCTOR, "Rule 3: an instructor (党建工作指导员) is assigned to "
                        + "organizations without members; " + organization.name() + " has " + organization.formalMembers()
                        + " formal and " + organization.probationaryMembers() + " probationary members (rule 2: a JOINT "
                        + "or AFFILIATED party organization covers it)",
                        facts("organizationId", organization.organizationId(), "formalMembers", organization.formalMembers(),
                                "probationaryMembers", organization.probationaryMembers()));
            }
        }
    }

    private static Map<String, Object> facts(Object... pairs) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            facts.put((String) pairs[i], pairs[i + 1]);
        }
        return facts;
    }
}
