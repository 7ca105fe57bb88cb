package org.partybuilding.member.dues;

import java.time.LocalDate;

/**
 * A member's dues for a month (rule 11): the income it is based on, the rate ({@code null} for the
 * fixed amount), the amount, the payment if recorded, and the consecutive unpaid months before the
 * current one with the arrears flag. Money in yuan strings.
 */
public record DuesView(String memberId, String month, String base, String rate, String amount, Payment paid, int unpaidMonths,
        boolean arrears) {

    public record Payment(String amount, LocalDate paidOn, String recordedBy) {
    }
}
