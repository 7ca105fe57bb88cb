package org.partybuilding.member.members;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A relationship transfer (组织关系转接, rule 10): {@code OUT} to another party organization in the
 * district, {@code OUT_OF_DISTRICT} to a {@code destination} elsewhere, or {@code IN} from outside
 * ({@code from}); {@code REQUESTED} until completed, rejected or cancelled.
 */
public record Transfer(String id, TransferKind kind, String fromPartyOrganizationId, String toPartyOrganizationId,
        String destination, String from, TransferState state, LocalDate requestedOn, LocalDate finishedOn, String reason,
        Instant updatedAt) {

    public enum TransferKind {
        OUT, OUT_OF_DISTRICT, IN
    }

    public enum TransferState {
        REQUESTED, COMPLETED, REJECTED, CANCELLED
    }

    public boolean open() {
        return state == TransferState.REQUESTED;
    }

    public Transfer finished(TransferState newState, LocalDate on, String why, Instant now) {
        return new Transfer(id, kind, fromPartyOrganizationId, toPartyOrganizationId, destination, from, newState, requestedOn, on,
                why, now);
    }
}
