package org.partybuilding.events;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

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

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    /** A payment is returned in full to its party organization: member, month, a positive amount, the day paid. */
    @Override
    public List<String> violations() {
        return Violations.of(this)
                .text("memberId", memberId)
                .optionalText("partyOrganizationId", partyOrganizationId)
                .check(month != null && MONTH.matcher(month).matches(), "month '" + month + "' is not yyyy-MM")
                .money("amount", amount, true)
                .present("paidOn", paidOn)
                .list();
    }
}
