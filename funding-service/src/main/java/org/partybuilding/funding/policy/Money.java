package org.partybuilding.funding.policy;

import java.math.BigDecimal;
import java.util.Optional;

/** Yuan amounts: exact decimals with at most 2 places (fen), written with exactly 2 ("100.00"). Never floating point. */
public final class Money {

    private Money() {
    }

    /** Why the text is not an amount of yuan, or empty when it is. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("is required, e.g. \"100.00\"");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return Optional.of("must be an amount in yuan, e.g. \"100.00\"");
        }
        if (amount.signum() < 0) {
            return Optional.of("must not be negative");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return Optional.of("has more than 2 decimals (the smallest unit is the fen)");
        }
        if (amount.compareTo(new BigDecimal("100000000")) >= 0) {
            return Optional.of("is implausibly large");
        }
        return Optional.empty();
    }

    public static BigDecimal parse(String text) {
        return new BigDecimal(text.trim()).setScale(2);
    }

    public static String format(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }
}
