package org.partybuilding.registry.organization;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/registry/organizations/{id}/deregistration}: when and why (注销). */
public record Deregistration(@NotNull LocalDate date, @NotBlank @Size(max = 500) String reason) {
}
