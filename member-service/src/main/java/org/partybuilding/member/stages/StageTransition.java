package org.partybuilding.member.stages;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/members/{id}/stage-transitions}: {@code to} the next stage
 * ({@code ACTIVIST}, {@code DEVELOPMENT_TARGET}, {@code PROBATIONARY}, {@code FORMAL}), or
 * {@code PROBATION_EXTENDED} with {@code extensionMonths}, or {@code LEFT} (出党/退党, with a reason);
 * {@code on} the day it happened.
 */
public record StageTransition(@NotBlank String to, @NotNull LocalDate on, Integer extensionMonths,
        @Size(max = 500) String reason) {

    public static final String PROBATION_EXTENDED = "PROBATION_EXTENDED";
    public static final String LEFT = "LEFT";
}
