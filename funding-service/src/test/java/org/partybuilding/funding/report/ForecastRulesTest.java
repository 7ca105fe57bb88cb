package org.partybuilding.funding.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partybuilding.funding.context.CoverageOutlookView;

/** Rule 18: members × per-member + branch-service's expected party organizations × start-up grant. */
class ForecastRulesTest {

    private static final BigDecimal PER_MEMBER = new BigDecimal("100.00");
    private static final BigDecimal STARTUP = new BigDecimal("1000.00");

    private static final List<CoverageOutlookView> OUTLOOKS = List.of(
            new CoverageOutlookView("BAIYUN", 3, "BAIYUN", 2, 1),
            new CoverageOutlookView("JIANSHE", 1, "JIANSHE", 0, 4));

    @Test
    void theExpectedPartyOrganizationsAreTheAnnouncedFiguresOfTheStreet() {
        // the street's active formal and probationary members in a party organization (counted in MongoDB): 2
        ForecastRules.Forecast baiyun = ForecastRules.forecast(2, OUTLOOKS, "BAIYUN", PER_MEMBER, STARTUP);
        assertThat(baiyun.members()).isEqualTo(2);
        assertThat(baiyun.workingFunds()).isEqualByComparingTo("200.00");
        assertThat(baiyun.shouldFormSingle()).isEqualTo(2);
        assertThat(baiyun.proposedJoint()).isEqualTo(1);
        assertThat(baiyun.expectedNewPartyOrganizations()).isEqualTo(3);
        assertThat(baiyun.startupGrants()).isEqualByComparingTo("3000.00");
        assertThat(baiyun.total()).isEqualByComparingTo("3200.00");
    }

    @Test
    void theDistrictAddsEveryStreetsFigures() {
        ForecastRules.Forecast district = ForecastRules.forecast(0, OUTLOOKS, null, PER_MEMBER, STARTUP);
        assertThat(district.shouldFormSingle()).isEqualTo(2);
        assertThat(district.proposedJoint()).isEqualTo(5);
        assertThat(district.total()).isEqualByComparingTo("7000.00");
    }

    @Test
    void aStreetNotYetAnnouncedExpectsNone() {
        ForecastRules.Forecast none = ForecastRules.forecast(0, OUTLOOKS, "DENGFENG", PER_MEMBER, STARTUP);
        assertThat(none.expectedNewPartyOrganizations()).isZero();
        assertThat(none.total()).isEqualByComparingTo("0.00");
    }
}
