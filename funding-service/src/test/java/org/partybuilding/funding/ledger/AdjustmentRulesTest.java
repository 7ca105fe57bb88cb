package org.partybuilding.funding.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;

class AdjustmentRulesTest {

    @Test
    void anAdjustmentMayTakeBackButNeverByNothingOrBelowTheFen() {
        assertThat(AdjustmentRules.check(new AdjustmentRequest("po", 2026, "-100.5", " 多拨收回 ")).amount())
                .isEqualTo(new BigDecimal("-100.50"));
        assertThat(AdjustmentRules.errors(new AdjustmentRequest("po", 2026, "0", "x"))).extracting(FieldError::field)
                .containsExactly("amount");
        assertThat(AdjustmentRules.errors(new AdjustmentRequest("po", 2026, "-0.001", "x"))).extracting(FieldError::field)
                .containsExactly("amount");
        assertThat(AdjustmentRules.errors(new AdjustmentRequest("po", 2026, "1e3", "x"))).extracting(FieldError::field)
                .containsExactly("amount");
        assertThat(AdjustmentRules.errors(new AdjustmentRequest(" ", null, null, " "))).extracting(FieldError::field)
                .containsExactly("partyOrganizationId", "fiscalYear", "amount", "reason");
        assertThatThrownBy(() -> AdjustmentRules.check(new AdjustmentRequest("po", 1999, "1.00", "x")))
                .isInstanceOf(InvalidInputException.class);
    }
}
