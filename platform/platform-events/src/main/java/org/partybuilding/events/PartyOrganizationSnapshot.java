package org.partybuilding.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Data of the party-organization events of {@code branch.party-organizations.v1}
 * ({@code PartyOrganizationEstablished}, {@code PartyOrganizationUpdated},
 * {@code PartyOrganizationDissolved}): a party organization (党组织) as branch-service holds it after
 * the change. {@code organizationIds} are the registry organizations it covers; {@code type} is
 * {@code BRANCH}, {@code GENERAL_BRANCH} or {@code COMMITTEE}; {@code formation} is {@code SINGLE},
 * {@code JOINT} or {@code AFFILIATED}; {@code status} is {@code ACTIVE} or {@code DISSOLVED}.
 * {@code secretaryMemberId} is the member who is its secretary (书记), {@code committee} its elected
 * committee (支部委员会) seats — training-service holds secretaries and committee members to 56 hours a year.
 * {@code preExisting} is set when it was recorded with an establishment date in a closed fiscal year (rule 14,
 * {@code platform.fiscal-years}): a party organization the district already had, which gets no automatic start-up
 * grant. Events published before the field existed carry {@code false}.
 */
public record PartyOrganizationSnapshot(
        String id,
        long version,
        String name,
        String type,
        String formation,
        List<String> organizationIds,
        String street,
        String industry,
        String superior,
        LocalDate establishedOn,
        String status,
        LocalDate dissolvedOn,
        String secretaryMemberId,
        List<CommitteeSeat> committee,
        boolean preExisting) implements AggregateSnapshot {

    public PartyOrganizationSnapshot {
        organizationIds = organizationIds == null ? List.of() : List.copyOf(organizationIds);
        committee = committee == null ? List.of() : List.copyOf(committee);
    }

    /** A party organization not recorded as pre-existing. */
    public PartyOrganizationSnapshot(String id, long version, String name, String type, String formation,
            List<String> organizationIds, String street, String industry, String superior, LocalDate establishedOn,
            String status, LocalDate dissolvedOn, String secretaryMemberId, List<CommitteeSeat> committee) {
        this(id, version, name, type, formation, organizationIds, street, industry, superior, establishedOn, status,
                dissolvedOn, secretaryMemberId, committee, false);
    }

    /** A party organization as first established: no secretary or committee elected yet. */
    public PartyOrganizationSnapshot(String id, long version, String name, String type, String formation,
            List<String> organizationIds, String street, String industry, String superior, LocalDate establishedOn,
            String status, LocalDate dissolvedOn) {
        this(id, version, name, type, formation, organizationIds, street, industry, superior, establishedOn, status,
                dissolvedOn, null, List.of(), false);
    }

    public static final Set<String> TYPES = Set.of("BRANCH", "GENERAL_BRANCH", "COMMITTEE");
    public static final Set<String> FORMATIONS = Set.of("SINGLE", "JOINT", "AFFILIATED");
    public static final Set<String> STATUSES = Set.of("ACTIVE", "DISSOLVED");
    public static final Set<String> SEAT_ROLES = Set.of("SECRETARY", "DEPUTY_SECRETARY", "MEMBER");

    /**
     * A party organization is counted, granted and scoped by these: name, type, formation, the organizations it covers,
     * street, establishment date, status (and the dissolution date once dissolved); committee seats name a member and
     * a role.
     */
    @Override
    public List<String> violations() {
        return Violations.of(this)
                .text("name", name)
                .oneOf("type", type, TYPES)
                .oneOf("formation", formation, FORMATIONS)
                .texts("organizationIds", organizationIds)
                .text("street", street)
                .present("establishedOn", establishedOn)
                .oneOf("status", status, STATUSES)
                .check(!"DISSOLVED".equals(status) || dissolvedOn != null, "dissolvedOn is required when DISSOLVED")
                .optionalText("secretaryMemberId", secretaryMemberId)
                .check(committee.stream().allMatch(Objects::nonNull), "committee must not hold empty seats")
                .texts("committee.memberId", committee.stream().filter(Objects::nonNull).map(CommitteeSeat::memberId).toList())
                .check(committee.stream().filter(Objects::nonNull).allMatch(s -> SEAT_ROLES.contains(s.role())),
                        "committee.role must be one of " + SEAT_ROLES.stream().sorted().toList())
                .list();
    }

    /** One seat of the committee: the member and the role, e.g. {@code SECRETARY}, {@code DEPUTY_SECRETARY}, {@code MEMBER}. */
    public record CommitteeSeat(String memberId, String role) {
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
