package org.partybuilding.training.sessions;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/training/sessions}. {@code street} only for a street's own course (a street admin's is always its street). */
public record CreateSession(
        @NotBlank @Size(max = 200) String title,
        @NotNull TrainingKind kind,
        @NotBlank @Size(max = 200) String organizer,
        String street,
        @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("500") @Digits(integer = 3, fraction = 2) BigDecimal hours,
        @Size(max = 200) String location) {
}
