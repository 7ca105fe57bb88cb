package org.partybuilding.registry.organization;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/registry/organizations}. Field checks here; district and code rules in {@link RegistrationRules}. */
public record RegisterOrganization(
        @NotBlank @Size(max = 200) String name,
        @NotBlank String creditCode,
        @NotNull OrganizationType type,
        @NotNull RegistrationLevel registrationLevel,
        @NotNull LocalDate registeredOn,
        @Size(max = 200) String supervisoryUnit,
        @NotBlank String industry,
        @NotBlank String street,
        @Size(max = 300) String address,
        @NotNull @Valid LegalRepresentativeInput legalRepresentative,
        @NotNull @Min(0) Integer employees,
        @NotNull @Min(0) Integer fullTimeStaff,
        @NotNull OperatingStatus operatingStatus) {

    public record LegalRepresentativeInput(@NotBlank @Size(max = 100) String name, @NotNull Boolean partyMember) {
    }
}
