package org.partybuilding.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

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

    public static final Set<String> TYPES = Set.of("SOCIAL_GROUP", "PRIVATE_NON_ENTERPRISE", "FOUNDATION");
    public static final Set<String> REGISTRATION_LEVELS = Set.of("PROVINCE", "CITY", "DISTRICT");
    public static final Set<String> OPERATING_STATUSES = Set.of("NORMAL", "DIFFICULT", "SUSPENDED");
    public static final Set<String> STATUSES = Set.of("ACTIVE", "DEREGISTERED");

    /** Every consumer keys, scopes and counts by these: name, credit code, type, street, status, registration date, staff. */
    @Override
    public List<String> violations() {
        return Violations.of(this)
                .text("name", name)
                .text("creditCode", creditCode)
                .oneOf("type", type, TYPES)
                .optionalOneOf("registrationLevel", registrationLevel, REGISTRATION_LEVELS)
                .present("registeredOn", registeredOn)
                .optionalText("industry", industry)
                .text("street", street)
                .check(employees >= 0, "employees must not be negative")
                .check(fullTimeStaff >= 0, "fullTimeStaff must not be negative")
                .optionalOneOf("operatingStatus", operatingStatus, OPERATING_STATUSES)
                .oneOf("status", status, STATUSES)
                .list();
    }

    /** The legal representative (法定代表人); {@code partyMember} feeds the "head's identity" clear. */
    public record LegalRepresentative(String name, boolean partyMember) {
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
