package org.partybuilding.registry.organization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.partybuilding.events.OrganizationSnapshot;
import org.partybuilding.platform.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A registered social organization (社会组织) as stored. {@code activeCreditCode} carries the
 * credit code while the organization is active and is absent once it is deregistered, so a
 * unique sparse index enforces "unique among active organizations". {@code outbox} holds the
 * events of the last changes until the relay has published them.
 */
@Document(Organization.COLLECTION)
public record Organization(
        @Id String id,
        long version,
        String name,
        String creditCode,
        String activeCreditCode,
        OrganizationType type,
        RegistrationLevel registrationLevel,
        LocalDate registeredOn,
        String supervisoryUnit,
        String industry,
        String street,
        String address,
        LegalRepresentative legalRepresentative,
        int employees,
        int fullTimeStaff,
        OperatingStatus operatingStatus,
        OrganizationStatus status,
        LocalDate deregisteredOn,
        String deregistrationReason,
        Instant createdAt,
        Instant updatedAt,
        List<OutboxEvent> outbox) {

    public static final String COLLECTION = "organizations";

    /** The legal representative (法定代表人); whether they are a party member is the "head's identity" clear. */
    public record LegalRepresentative(String name, boolean partyMember) {
    }

    public boolean active() {
        return status == OrganizationStatus.ACTIVE;
    }

    /** The state carried by this organization's events. */
    public OrganizationSnapshot snapshot() {
        return new OrganizationSnapshot(id, version, name, creditCode, type.name(), registrationLevel.name(), registeredOn,
                supervisoryUnit, industry, street, address,
                new OrganizationSnapshot.LegalRepresentative(legalRepresentative.name(), legalRepresentative.partyMember()),
                employees, fullTimeStaff, operatingStatus.name(), status.name(), deregisteredOn, deregistrationReason);
    }
}
