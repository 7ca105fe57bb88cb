package org.partybuilding.registry.organization;

import java.time.LocalDate;

/**
 * The body of {@code PATCH /api/registry/organizations/{id}} (JSON merge patch): fields present
 * replace the stored ones, absent ones stay. The merged organization is validated like a registration.
 */
public record PatchOrganization(String name, String creditCode, OrganizationType type,
        RegistrationLevel registrationLevel, LocalDate registeredOn, String supervisoryUnit, String industry,
        String street, String address, RegisterOrganization.LegalRepresentativeInput legalRepresentative,
        Integer employees, Integer fullTimeStaff, OperatingStatus operatingStatus) {

    RegisterOrganization mergeInto(Organization o) {
        return new RegisterOrganization(
                name != null ? name : o.name(),
                creditCode != null ? creditCode : o.creditCode(),
                type != null ? type : o.type(),
                registrationLevel != null ? registrationLevel : o.registrationLevel(),
                registeredOn != null ? registeredOn : o.registeredOn(),
                supervisoryUnit != null ? supervisoryUnit : o.supervisoryUnit(),
                industry != null ? industry : o.industry(),
                street != null ? street : o.street(),
                address != null ? address : o.address(),
                legalRepresentative != null ? legalRepresentative
                        : new RegisterOrganization.LegalRepresentativeInput(o.legalRepresentative().name(), o.legalRepresentative().partyMember()),
                employees != null ? employees : o.employees(),
                fullTimeStaff != null ? fullTimeStaff : o.fullTimeStaff(),
                operatingStatus != null ? operatingStatus : o.operatingStatus());
    }
}
