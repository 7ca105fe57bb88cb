package org.partybuilding.funding.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.problem.FieldError;

class PolicyRulesTest {

    private static final PolicySettings SETTINGS = new PolicySettings(new BigDecimal("100"), new BigDecimal("1000.0"), 2000, 2100);

    @Test
    void theConfiguredDefaultsAreTheRulesAmountsInFen() {
        FundingPolicy policy = FundingPolicy.defaults(2026, SETTINGS);
        assertThat(policy.perMemberYuan()).isEqualTo(new BigDecimal("100.00"));
        assertThat(policy.startupYuan()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(policy.version()).isZero();
        assertThat(policy.isDefault()).isTrue();
    }

    @Test
    void aValidChangeWithinTheYearsHasNoErrors() {
        assertThat(PolicyRules.check(2000, new PolicyChange("120", "0.50"), SETTINGS)).isEmpty();
        assertThat(PolicyRules.check(2100, new PolicyChange("0", "0"), SETTINGS)).isEmpty();
    }

    @Test
    void everyFailingFieldIsNamedAtOnce() {
        assertThat(PolicyRules.check(1999, new PolicyChange("12.345", "-1"), SETTINGS))
                .extracting(FieldError::field).containsExactly("year", "perMemberYuan", "startupYuan");
        assertThat(PolicyRules.check(2101, new PolicyChange("100", "abc"), SETTINGS))
                .extracting(FieldError::field).containsExactly("year", "startupYuan");
        assertThat(PolicyRules.check(2026, new PolicyChange(null, "1000"), SETTINGS))
                .extracting(FieldError::field).containsExactly("perMemberYuan");
        assertThat(PolicyRules.checkYear(2101, SETTINGS)).get().extracting(FieldError::message)
                .isEqualTo("must be a fiscal year from 2000 to 2100");
    }

    @Test
    void settingsThatAreNotExactYuanStopTheServiceAtStartUp() {
        assertThatThrownBy(() -> new PolicySettings(new BigDecimal("100.005"), new BigDecimal("1000"), 2000, 2100))
                .hasMessageContaining("funding.policy.default-per-member-yuan must have at most 2 decimals");
        assertThatThrownBy(() -> new PolicySettings(new BigDecimal("100"), new BigDecimal("-1"), 2000, 2100))
                .hasMessageContaining("funding.policy.default-startup-yuan must not be negative");
        assertThatThrownBy(() -> new PolicySettings(new BigDecimal("100"), null, 2000, 2100))
                .hasMessageContaining("default-startup-yuan is required");
        assertThatThrownBy(() -> new PolicySettings(new BigDecimal("100"), new BigDecimal("1000"), 2100, 2000))
                .hasMessageContaining("range of years");
    }
}
