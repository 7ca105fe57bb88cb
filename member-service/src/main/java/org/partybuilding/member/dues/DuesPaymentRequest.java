package org.partybuilding.member.dues;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /api/members/{id}/dues-payments}: the month ({@code 2026-11}), the amount in yuan, and the day paid (today if absent). */
public record DuesPaymentRequest(@NotBlank String month,
        @NotNull @DecimalMin("0.01") @Digits(integer = 7, fraction = 2) BigDecimal amount, LocalDate paidOn) {
}
