package org.partybuilding.funding.money;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Amounts of yuan (元): exact decimals of at most 2 places (the fen, 分), never floating point. In
 * the API they are decimal strings with exactly 2 decimals ({@code "1000.00"}); in MongoDB they are
 * Decimal128.
 */
public final class Money {

    /** Decimals of every amount: yuan and fen. */
    public static final int SCALE = 2;

    /** Below one trillion yuan: far above any district's funding, and well inside Decimal128. */
    public static final int MAX_INTEGER_DIGITS = 12;

    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern NEGATIVE = Pattern.compile("-\\d+(\\.\\d+)?");

    private Money() {
    }

    /** Why {@code text} is not an amount of yuan as the API takes it ({@code "100"}, {@code "99.5"}, {@code "100.00"}), or empty. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("is required, an amount in yuan such as \"100.00\"");
        }
        if (NEGATIVE.matcher(text).matches()) {
            return Optional.of("must not be negative");
        }
        if (!DECIMAL.matcher(text).matches()) {
            return Optional.of("must be an amount in yuan written as a decimal string, such as \"100.00\"");
        }
        return problem(new BigDecimal(text));
    }

    /** Why {@code amount} is not an amount of yuan (negative, finer than the fen, absurdly large), or empty. */
    public static Optional<String> problem(BigDecimal amount) {
        if (amount == null) {
            return Optional.of("is required");
        }
        if (amount.signum() < 0) {
            return Optional.of("must not be negative");
        }
        BigDecimal plain = amount.stripTrailingZeros();
        if (plain.scale() > SCALE) {
            return Optional.of("must have at most " + SCALE + " decimals (the fen)");
        }
        if (plain.precision() - plain.scale() > MAX_INTEGER_DIGITS) {
            return Optional.of("must have at most " + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        return Optional.empty();
    }

    /** The amount {@code text} names, with exactly 2 decimals; the text must have no {@link #problem(String)}. */
    public static BigDecimal parse(String text) {
        problem(text).ifPresent(problem -> {
            throw new IllegalArgumentException("Not an amount of yuan: " + problem);
        });
        return new BigDecimal(text).setScale(SCALE);
    }

    /** {@code "1000.00"}: exactly 2 decimals, never an exponent; an amount finer than the fen is an error, not rounded. */
    public static String format(BigDecimal amount) {
        return amount.setScale(SCALE).toPlainString();
    }
}
