package org.partybuilding.events;

import java.time.LocalDate;

/**
 * Data of every {@code registry.organizations.v1} event: a social organization (社会组织) as
 * registry-service holds it after the change. Enum-valued fields are carried as their names so
 * that a consumer built against an older contract still reads newer values.
 */
public record OrganizationSnapshot(
        String id,
        long version,
        String name,
        String creditCode,
        String type,
        String registrationLevel,
        LocalDate registeredOn,
        String supervisoryUnit,
        String industry,
        String street,
        String address,
        LegalRepresentative legalRepresentative,
        int employees,
        int fullTimeStaff,
        String operatingStatus,
        String status,
        LocalDate deregisteredOn,
        String deregistrationReason) implements AggregateSnapshot {

    /** The legal representative (法定代表人); {@code partyMember} feeds the "head's identity" clear. */
    public record LegalRepresentative(String name, boolean partyMember) {
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
