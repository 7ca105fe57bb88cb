package org.partybuilding.branch.partyorganization;

import jakarta.validation.constraints.NotBlank;

/** The body of {@code POST /api/branches/{id}/organizations}: an organization a joint party organization takes in. */
public record CoverageAddition(@NotBlank String organizationId) {
}
