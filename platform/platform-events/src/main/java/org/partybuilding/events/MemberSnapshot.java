package org.partybuilding.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Data of the member events of {@code member.members.v1} ({@code MemberRegistered},
 * {@code MemberUpdated}, {@code MemberStageChanged}, {@code MemberTransferred}, {@code MemberLeft}):
 * a party member or member in development as member-service holds them after the change.
 * Personal data (ID number, phone) never travels in events; consumers that need it ask
 * member-service, which masks it by role. {@code stage} is one of the development stages
 * ({@code APPLICANT} … {@code PROBATIONARY}, {@code FORMAL}); {@code status} is {@code ACTIVE},
 * {@code TRANSFERRED_OUT} or {@code LEFT}; {@code organizationId} is the employer in the registry.
 * <p>
 * The dated facts a consumer needs to count a member "as it stood on a day" (rule 15):
 * {@code partyOrganizationSince} is the day the member was placed in {@code partyOrganizationId} (registered,
 * imported or transferred into it, placed on its establishment, or the date of joining recorded with the
 * member), {@code null} while the member belongs to none; {@code statusSince} is the day the current
 * {@code status} began (the day the member left or was transferred out of the district; for {@code ACTIVE},
 * the day the member came under the platform). Events published before these fields existed carry
 * {@code null}: consumers then fall back to the event's own time.
 */
public record MemberSnapshot(
        String id,
        long version,
        String name,
        String gender,
        String organizationId,
        String partyOrganizationId,
        String street,
        String stage,
        String status,
        boolean mobile,
        boolean transferRequired,
        LocalDate admittedOn,
        LocalDate confirmedOn,
        LocalDate partyOrganizationSince,
        LocalDate statusSince) implements AggregateSnapshot {

    /** A member without the dated placement facts (tests and tools that do not count by date). */
    public MemberSnapshot(String id, long version, String name, String gender, String organizationId,
            String partyOrganizationId, String street, String stage, String status, boolean mobile,
            boolean transferRequired, LocalDate admittedOn, LocalDate confirmedOn) {
        this(id, version, name, gender, organizationId, partyOrganizationId, street, stage, status, mobile,
                transferRequired, admittedOn, confirmedOn, null, null);
    }

    public static final Set<String> STAGES = Set.of("APPLICANT", "ACTIVIST", "DEVELOPMENT_TARGET", "PROBATIONARY", "FORMAL");
    public static final Set<String> STATUSES = Set.of("ACTIVE", "TRANSFERRED_OUT", "LEFT");
    public static final Set<String> GENDERS = Set.of("MALE", "FEMALE");

    /** A member is counted by stage and status, in an employer (and, if any, a party organization and street). */
    @Override
    public List<String> violations() {
        return Violations.of(this)
                .text("name", name)
                .optionalOneOf("gender", gender, GENDERS)
                .text("organizationId", organizationId)
                .optionalText("partyOrganizationId", partyOrganizationId)
                .optionalText("street", street)
                .oneOf("stage", stage, STAGES)
                .oneOf("status", status, STATUSES)
                .list();
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    /** Formal (正式党员) or probationary (预备党员): a party member, not one in development. */
    public boolean partyMember() {
        return "FORMAL".equals(stage) || "PROBATIONARY".equals(stage);
    }
}
