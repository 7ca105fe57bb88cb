package org.partybuilding.training.activities;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A member who did not attend, and why (请假事由). The reason stays in training-service: it is never in an event. */
public record Absentee(@NotBlank String memberId, @NotBlank @Size(max = 200) String reason) {
}
