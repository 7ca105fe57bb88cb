package org.partybuilding.events;

import java.time.LocalDate;

/**
 * Data of {@code DuesPaid} on {@code member.members.v1} (key = the member id): one member's dues
 * (党费) for one month, recorded once ({@code id} = member id and month, version 1). funding-service
 * returns it in full to {@code partyOrganizationId} (rule 16). Money as a decimal string in yuan.
 */
public record DuesPaymentSnapshot(
        String id,
        long version,
        String memberId,
        String partyOrganizationId,
        String street,
        String month,
        String amount,
        LocalDate paidOn) implements AggregateSnapshot {
}
