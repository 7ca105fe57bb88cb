package org.partybuilding.funding.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsAreExactDecimalsOfAtMostTwoPlaces() {
        assertThat(Money.problem("100.00")).isEmpty();
        assertThat(Money.problem("100")).isEmpty();
        assertThat(Money.problem("0.2")).isEmpty();
        assertThat(Money.problem("12.345")).hasValueSatisfying(p -> assertThat(p).contains("2 decimals"));
        assertThat(Money.problem("-1")).hasValueSatisfying(p -> assertThat(p).contains("negative"));
        assertThat(Money.problem("abc")).hasValueSatisfying(p -> assertThat(p).contains("amount"));
        assertThat(Money.problem(null)).isPresent();
        assertThat(Money.format(Money.parse("100"))).isEqualTo("100.00");
        assertThat(Money.format(new BigDecimal("0.1").add(new BigDecimal("0.2")))).isEqualTo("0.30");
    }
}
