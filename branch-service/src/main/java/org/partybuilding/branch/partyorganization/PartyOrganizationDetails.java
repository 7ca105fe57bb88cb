package org.partybuilding.branch.partyorganization;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The changeable part of a party organization: the body of {@code PUT /api/branches/{id}} (whole) and, merged
 * into the current one, of {@code PATCH}. Who covers which organizations changes through its own endpoints.
 *
 * @param secretary               the secretary's member id (书记)
 * @param deputySecretary         the deputy secretary's member id (副书记), optional
 * @param committee               the elected committee (rule 5); empty without one
 * @param electedOn               the date of the last election
 * @param electionPostponedMonths an approved postponement of the next election, 0 to 12 (rule 5)
 */
public record PartyOrganizationDetails(
        @NotBlank @Size(max = 200) String name,
        String secretary,
        String deputySecretary,
        @Size(max = 20) List<@Valid @NotNull Seat> committee,
        LocalDate electedOn,
        @PositiveOrZero @Max(120) Integer electionPostponedMonths,
        @Valid SixHaves sixHaves,
        Rating rating) {

    /** A committee seat. */
    public record Seat(@NotBlank String memberId, @NotNull SeatRole role) {
    }
}
