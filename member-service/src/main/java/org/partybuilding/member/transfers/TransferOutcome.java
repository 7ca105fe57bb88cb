package org.partybuilding.member.transfers;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

/** The body of a completion, rejection or cancellation: when (today if absent) and why. */
public record TransferOutcome(LocalDate on, @Size(max = 500) String reason) {
}
