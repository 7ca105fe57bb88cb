package org.partybuilding.training.activities;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.partybuilding.training.domain.ActivityKind;

/**
 * {@code POST /api/training/activities}: what was held, when, by which party organization, who came
 * and who was excused. {@code lecturerMemberId} only for a party lesson; {@code hours} credited to
 * each attendee (default per kind from configuration).
 */
public record RecordActivity(
        @NotBlank String partyOrganizationId,
        @NotNull ActivityKind kind,
        @NotNull LocalDate heldOn,
        @NotBlank @Size(max = 200) String topic,
        String lecturerMemberId,
        @NotEmpty @Size(max = 500) List<@NotBlank String> attendeeIds,
        @Size(max = 500) List<@Valid @NotNull Absentee> absentees,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("24") @Digits(integer = 2, fraction = 2) BigDecimal hours) {

    public RecordActivity {
        absentees = absentees == null ? List.of() : absentees;
    }
}
