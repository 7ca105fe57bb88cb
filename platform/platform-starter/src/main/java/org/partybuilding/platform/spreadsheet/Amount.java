package org.partybuilding.platform.spreadsheet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A money cell of a {@link Table}: yuan with 2 decimals. CSV writes it as {@code 1000.00}; XLSX as a number (so a
 * spreadsheet sums it) formatted {@value #XLSX_FORMAT}. Never rounded: an amount finer than the fen is refused.
 */
public record Amount(BigDecimal yuan) {

    /** How XLSX shows money: thousands separated, 2 decimals. */
    public static final String XLSX_FORMAT = "#,##0.00";

    public Amount {
        Objects.requireNonNull(yuan, "yuan");
        yuan = yuan.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static Amount of(BigDecimal yuan) {
        return new Amount(yuan);
    }

    /** A decimal string such as {@code "1000.00"}. */
    public static Amount of(String yuan) {
        return new Amount(new BigDecimal(yuan));
    }

    @Override
    public String toString() {
        return yuan.toPlainString();
    }
}
