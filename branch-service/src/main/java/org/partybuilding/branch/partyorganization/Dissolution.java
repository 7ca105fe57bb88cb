package org.partybuilding.branch.partyorganization;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/branches/{id}/dissolution}: when and why (撤销) the party organization is dissolved. */
public record Dissolution(@NotNull LocalDate date, @NotBlank @Size(max = 500) String reason) {
}
