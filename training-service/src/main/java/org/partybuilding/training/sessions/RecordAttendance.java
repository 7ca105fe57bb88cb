package org.partybuilding.training.sessions;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** {@code POST /api/training/sessions/{id}/attendance}: who attended; {@code hours} default to the session's. */
public record RecordAttendance(@NotEmpty @Size(max = 1000) List<@NotBlank String> memberIds,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 3, fraction = 2) BigDecimal hours) {
}
