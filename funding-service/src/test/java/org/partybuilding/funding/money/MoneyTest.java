package org.partybuilding.funding.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsAreDecimalStringsOfAtMostTwoPlaces() {
        assertThat(Money.problem("100.00")).isEmpty();
        assertThat(Money.problem("100")).isEmpty();
        assertThat(Money.problem("99.5")).isEmpty();
        assertThat(Money.problem("0")).isEmpty();
        assertThat(Money.problem("12.340")).as("a trailing zero is not a third decimal").isEmpty();
        assertThat(Money.problem("999999999999.99")).isEmpty();
    }

    @Test
    void everyOtherTextSaysWhatIsWrong() {
        assertThat(Money.problem("12.345")).hasValue("must have at most 2 decimals (the fen)");
        assertThat(Money.problem("-1")).hasValue("must not be negative");
        assertThat(Money.problem("-0.01")).hasValue("must not be negative");
        assertThat(Money.problem("abc")).get().asString().contains("decimal string");
        for (String text : new String[] {"1e2", "1,000.00", " 100", "100.", ".5", "+5", "¥100", "NaN", "Infinity"}) {
            assertThat(Money.problem(text)).as(text).get().asString().contains("decimal string");
        }
        assertThat(Money.problem((String) null)).get().asString().startsWith("is required");
        assertThat(Money.problem("")).get().asString().startsWith("is required");
        assertThat(Money.problem("1000000000000")).get().asString().contains("12 digits");
    }

    @Test
    void amountsAreKeptExactAndWrittenWithTwoDecimals() {
        assertThat(Money.parse("100")).isEqualTo(new BigDecimal("100.00"));
        assertThat(Money.format(Money.parse("99.5"))).isEqualTo("99.50");
        assertThat(Money.format(new BigDecimal("0.1").add(new BigDecimal("0.2")))).isEqualTo("0.30");
        assertThat(Money.format(new BigDecimal("1E+3"))).isEqualTo("1000.00");
        assertThatThrownBy(() -> Money.format(new BigDecimal("0.125"))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.parse("12.345")).isInstanceOf(IllegalArgumentException.class);
    }
}
