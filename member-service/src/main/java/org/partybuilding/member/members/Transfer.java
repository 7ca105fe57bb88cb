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
        OUT("区内转出"), OUT_OF_DISTRICT("转出本区"), IN("转入");

        private final String label;

        TransferKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum TransferState {
        REQUESTED("已申请"), COMPLETED("已完成"), REJECTED("已退回"), CANCELLED("已撤回");

        private final String label;

        TransferState(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean open() {
        return state == TransferState.REQUESTED;
    }

    public Transfer finished(TransferState newState, LocalDate on, String why, Instant now) {
        return new Transfer(id, kind, fromPartyOrganizationId, toPartyOrganizationId, destination, from, newState, requestedOn, on,
                why, now);
    }
}
