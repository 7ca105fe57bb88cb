package org.partybuilding.member.transfers;

import org.partybuilding.member.members.Transfer.TransferKind;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/members/{id}/transfers}: {@code {kind: OUT, toPartyOrganizationId}},
 * {@code {kind: OUT_OF_DISTRICT, destination}} or {@code {kind: IN, from, toPartyOrganizationId}}.
 */
public record TransferRequest(@NotNull TransferKind kind, String toPartyOrganizationId, @Size(max = 200) String destination,
        @Size(max = 200) String from) {
}
