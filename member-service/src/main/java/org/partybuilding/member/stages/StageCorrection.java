package org.partybuilding.member.stages;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/members/{id}/corrections}: the stage date {@code field} that was recorded wrongly
 * ({@code appliedOn}, {@code activistOn}, {@code targetOn}, {@code admittedOn}, {@code confirmedOn}), its right
 * {@code value}, and {@code reason} (kept in the member's history with who corrected it, when, before and after).
 */
public record StageCorrection(@NotBlank String field, @NotNull LocalDate value, @NotBlank @Size(max = 500) String reason) {
}
