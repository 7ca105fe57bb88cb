package org.partybuilding.training.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.partybuilding.training.compliance.ComplianceRulesTest;

/** Rule 13: 32 hours a year, 56 for secretaries and committee members. */
class YearlyHoursTest {

    private final YearlyHours hours = new YearlyHours(ComplianceRulesTest.settings());

    @Test
    void thresholds() {
        assertThat(hours.required(false)).isEqualByComparingTo("32");
        assertThat(hours.required(true)).isEqualByComparingTo("56");
        assertThat(hours.met(new BigDecimal("32.00"), false)).isTrue();
        assertThat(hours.met(new BigDecimal("31.99"), false)).isFalse();
        assertThat(hours.met(new BigDecimal("40"), true)).isFalse();
        assertThat(hours.met(new BigDecimal("56"), true)).isTrue();
    }
}
