package org.partybuilding.registry.organization;

import java.time.Instant;
import java.time.LocalDate;

/** An organization as the API shows it (never the stored document with its outbox). */
public record OrganizationResponse(
        String id,
        long version,
        String name,
        String creditCode,
        OrganizationType type,
        RegistrationLevel registrationLevel,
        LocalDate registeredOn,
        String supervisoryUnit,
        String industry,
        String street,
        String address,
        Organization.LegalRepresentative legalRepresentative,
        int employees,
        int fullTimeStaff,
        OperatingStatus operatingStatus,
        OrganizationStatus status,
        LocalDate deregisteredOn,
        String deregistrationReason,
        Instant createdAt,
        Instant updatedAt) {

    static OrganizationResponse of(Organization o) {
        return new OrganizationResponse(o.id(), o.version(), o.name(), o.creditCode(), o.type(), o.registrationLevel(),
                o.registeredOn(), o.supervisoryUnit(), o.industry(), o.street(), o.address(), o.legalRepresentative(),
                o.employees(), o.fullTimeStaff(), o.operatingStatus(), o.status(), o.deregisteredOn(),
                o.deregistrationReason(), o.createdAt(), o.updatedAt());
    }
}
