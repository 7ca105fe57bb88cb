package org.partybuilding.funding.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partybuilding.events.MemberSnapshot;
import org.partybuilding.funding.context.CoverageOutlookView;
import org.partybuilding.funding.context.MemberView;

/** Rule 18: members × per-member + branch-service's expected party organizations × start-up grant. */
class ForecastRulesTest {

    private static final BigDecimal PER_MEMBER = new BigDecimal("100.00");
    private static final BigDecimal STARTUP = new BigDecimal("1000.00");
    private static final LocalDate ON = LocalDate.of(2026, 3, 1);

    private static MemberView member(String id, String partyOrganizationId, String street, String status) {
        return MemberView.of(new MemberSnapshot(id, 1, "党员" + id, "FEMALE", "org-1", partyOrganizationId, street, "FORMAL",
                status, false, false, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1)), ON);
    }

    private static final List<CoverageOutlookView> OUTLOOKS = List.of(
            new CoverageOutlookView("BAIYUN", 3, "BAIYUN", 2, 1),
            new CoverageOutlookView("JIANSHE", 1, "JIANSHE", 0, 4));

    @Test
    void theExpectedPartyOrganizationsAreTheAnnouncedFiguresOfTheStreet() {
        List<MemberView> members = List.of(member("m-1", "po-1", "BAIYUN", "ACTIVE"), member("m-2", "po-1", "BAIYUN", "ACTIVE"),
                member("m-3", null, "BAIYUN", "ACTIVE"), member("m-4", "po-2", "JIANSHE", "ACTIVE"));
        ForecastRules.Forecast baiyun = ForecastRules.forecast(members, OUTLOOKS, "BAIYUN", PER_MEMBER, STARTUP);
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
        ForecastRules.Forecast district = ForecastRules.forecast(List.of(), OUTLOOKS, null, PER_MEMBER, STARTUP);
        assertThat(district.shouldFormSingle()).isEqualTo(2);
        assertThat(district.proposedJoint()).isEqualTo(5);
        assertThat(district.total()).isEqualByComparingTo("7000.00");
    }

    @Test
    void aStreetNotYetAnnouncedExpectsNone() {
        ForecastRules.Forecast none = ForecastRules.forecast(List.of(), OUTLOOKS, "DENGFENG", PER_MEMBER, STARTUP);
        assertThat(none.expectedNewPartyOrganizations()).isZero();
        assertThat(none.total()).isEqualByComparingTo("0.00");
    }
}
