package org.partybuilding.member.members;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A mobile member (流动党员): their relationship is still with {@code originalPartyOrganization}
 * elsewhere; rule 9 asks for a transfer in after 6 months here unless they hold a post there.
 */
public record MobileMembership(@NotBlank @Size(max = 200) String originalPartyOrganization, @Size(max = 50) String certificateNo,
        @NotNull LocalDate workingSince, @NotNull Boolean holdsPostInOriginal) {
}
