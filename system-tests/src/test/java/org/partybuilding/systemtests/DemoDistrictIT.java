package org.partybuilding.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.partybuilding.local.demo.DemoDistrict;
import org.partybuilding.local.demo.DemoDistrictLoader;
import org.partybuilding.local.demo.DistrictGenerator;
import org.partybuilding.local.demo.ExpectedFigures;

/**
 * The demo district (DOMAIN.md §5) loaded through the gateway into the empty platform, as {@code ./run.sh} does on a
 * first start: branch-service reports the demo's fixed coverage counts and gap counts ({@code ExpectedFigures}), every
 * dues payment is taken, and the grants, the allocation and the dues returned are the fixed ones (for a load in 2026,
 * the demo's fiscal year). The platform is shared with the other classes: the counts are compared on top of what it
 * held before (ThinSliceIT's organizations), and the rates, which are the demo's alone, are not.
 */
@Order(2)
class DemoDistrictIT {

    @Test
    void theDemoDistrictLoadsAndTheServicesReportTheFiguresItExpects() {
        PlatformUnderTest platform = PlatformUnderTest.shared();
        DemoDistrict district = DistrictGenerator.demo();
        Tokens tokens = new Tokens(platform.keycloakUrl());
        tools.jackson.databind.JsonNode before = statistics(platform, tokens);

        DemoDistrictLoader.Report report = new DemoDistrictLoader(platform.gatewayUrl(), platform.keycloakUrl(), true,
                line -> System.out.println("[demo] " + line)).load(district, LocalDate.now(ZoneId.of("Asia/Shanghai")));
        System.out.println(report.summary());

        assertThat(report.mismatches()).isEmpty();
        assertThat(report.organizationIds()).hasSize(270);
        assertThat(report.partyOrganizationIds()).hasSize(25);
        // the default demo's fixed figures, not ones computed from the district (ExpectedFigures)
        ExpectedFigures expected = report.expected();
        assertThat(expected).isEqualTo(ExpectedFigures.demo(LocalDate.now(ZoneId.of("Asia/Shanghai"))));
        assertThat(expected.coverage()).containsEntry("gaps.SHOULD_FORM_SINGLE", 13).containsEntry("gaps.NEEDS_JOINT", 20)
                .containsEntry("gaps.COMMITTEE_NOT_ELECTED", 20).containsEntry("gaps.SECRETARY_MISSING", 25);

        // the registry's own statistics grew by the generator's totals
        tools.jackson.databind.JsonNode after = statistics(platform, tokens);
        assertThat(after.get("active").asLong() - before.get("active").asLong()).isEqualTo(270);
        assertThat(after.get("employees").asLong() - before.get("employees").asLong()).isEqualTo(7_022);
        assertThat(after.get("fullTimeStaff").asLong() - before.get("fullTimeStaff").asLong()).isEqualTo(3_363);
    }

    private static tools.jackson.databind.JsonNode statistics(PlatformUnderTest platform, Tokens tokens) {
        Http.Response statistics = Http.get(platform.gatewayUrl() + "/api/registry/statistics", tokens.user("committee-admin"));
        assertThat(statistics.status()).as(statistics.raw().body()).isEqualTo(200);
        return statistics.json();
    }
}
