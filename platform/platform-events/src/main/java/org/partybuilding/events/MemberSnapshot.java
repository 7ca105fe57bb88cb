package org.partybuilding.events;

import java.time.LocalDate;

/**
 * Data of the member events of {@code member.members.v1} ({@code MemberRegistered},
 * {@code MemberUpdated}, {@code MemberStageChanged}, {@code MemberTransferred}, {@code MemberLeft}):
 * a party member or member in development as member-service holds them after the change.
 * Personal data (ID number, phone) never travels in events; consumers that need it ask
 * member-service, which masks it by role. {@code stage} is one of the development stages
 * ({@code APPLICANT} … {@code PROBATIONARY}, {@code FORMAL}); {@code status} is {@code ACTIVE},
 * {@code TRANSFERRED_OUT} or {@code LEFT}; {@code organizationId} is the employer in the registry.
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
        LocalDate confirmedOn) implements AggregateSnapshot {

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    /** Formal (正式党员) or probationary (预备党员): a party member, not one in development. */
    public boolean partyMember() {
        return "FORMAL".equals(stage) || "PROBATIONARY".equals(stage);
    }
}
