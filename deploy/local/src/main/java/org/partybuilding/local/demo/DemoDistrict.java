package org.partybuilding.local.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A generated district (DOMAIN.md §5): what the loader sends through the gateway, and what the expected
 * figures are computed from. Organizations, members and party organizations refer to each other by their
 * index in these lists; the services' ids are learned while loading.
 */
public record DemoDistrict(long seed, List<Organization> organizations, List<Member> members,
        List<PartyOrganization> partyOrganizations, List<Instructor> instructors) {

    /** The last day the district's data reaches: every date in it is on or before this day. */
    public static final LocalDate DATA_AS_OF = LocalDate.of(2026, 10, 31);

    /**
     * member-service's training-records start date ({@code member.rules.training-records-start}): a member registered
     * or imported as probationary or formal with an admission from this day on needs 24 hours of development-target
     * training recorded, which nobody can have before being registered (rule 8). The demo's party members were all
     * admitted before it; its people in development reach the later stages through transitions.
     */
    public static final LocalDate TRAINING_RECORDS_START = LocalDate.of(2026, 1, 1);

    public DemoDistrict {
        organizations = List.copyOf(organizations);
        members = List.copyOf(members);
        partyOrganizations = List.copyOf(partyOrganizations);
        instructors = List.copyOf(instructors);
    }

    /** What the generator made an organization for: its party work situation, which decides its coverage. */
    public enum Situation {
        /** 3+ formal members and its own SINGLE party organization. */
        SINGLE,
        /** 3+ formal members, no party organization yet: a {@code SHOULD_FORM_SINGLE} gap. */
        SHOULD_FORM_SINGLE,
        /** 1–2 formal members, covered by a JOINT party organization of its street. */
        JOINT,
        /** 1–2 formal members, not covered: a {@code NEEDS_JOINT} gap. */
        NEEDS_JOINT,
        /** No members, an instructor assigned (work coverage). */
        INSTRUCTOR,
        /** No members, nothing assigned: a {@code NEEDS_INSTRUCTOR} gap. */
        NEEDS_INSTRUCTOR
    }

    /** A social organization (社会组织) as registered. */
    public record Organization(int index, String name, String creditCode, String type, LocalDate registeredOn,
            String supervisoryUnit, String industry, String street, String address, String legalRepresentative,
            boolean legalRepresentativePartyMember, int employees, int fullTimeStaff, String operatingStatus,
            Situation situation) {
    }

    /** A mobile member's (流动党员) original relationship. */
    public record Mobility(String originalPartyOrganization, String certificateNo, LocalDate workingSince,
            boolean holdsPostInOriginal) {
    }

    /**
     * A person in member-service: a party member ({@code FORMAL}, {@code PROBATIONARY}) or one in development.
     * Stage dates are null beyond the stage.
     */
    public record Member(int index, String name, String gender, String idNumber, String phone, String education,
            int organization, String stage, LocalDate appliedOn, LocalDate activistOn, LocalDate targetOn,
            LocalDate admittedOn, LocalDate confirmedOn, BigDecimal monthlyIncome, String incomeCategory,
            Mobility mobile) {

        public boolean partyMember() {
            return stage.equals("FORMAL") || stage.equals("PROBATIONARY");
        }

        /** Counted by rule 1 and in a party organization's members: a party member whose relationship is here. */
        public boolean countedHere() {
            return partyMember() && mobile == null;
        }
    }

    /** A party organization (党组织) to establish over {@code organizations}. */
    public record PartyOrganization(int index, String name, String type, String formation, List<Integer> organizations,
            String street, String industry, String superior, LocalDate establishedOn) {

        public PartyOrganization {
            organizations = List.copyOf(organizations);
        }
    }

    /** A party-building instructor (党建工作指导员) for organizations without members. */
    public record Instructor(String name, String phone, List<Integer> organizations, LocalDate assignedOn) {

        public Instructor {
            organizations = List.copyOf(organizations);
        }
    }
}
