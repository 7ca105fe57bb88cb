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
 * first start: the coverage figures and gap counts the generator expects from its own data are the ones
 * branch-service reports, every dues payment is taken, and (once funding-service books them) the grants, the
 * allocation and the dues returned match too. Runs first: the figures are absolute.
 */
@Order(1)
class DemoDistrictIT {

    @Test
    void theDemoDistrictLoadsAndTheServicesReportTheFiguresItExpects() {
        PlatformUnderTest platform = PlatformUnderTest.shared();
        DemoDistrict district = DistrictGenerator.demo();

        DemoDistrictLoader.Report report = new DemoDistrictLoader(platform.gatewayUrl(), platform.keycloakUrl(), true,
                line -> System.out.println("[demo] " + line)).load(district, LocalDate.now(ZoneId.of("Asia/Shanghai")));
        System.out.println(report.summary());

        assertThat(report.mismatches()).isEmpty();
        assertThat(report.organizationIds()).hasSize(270);
        assertThat(report.partyOrganizationIds()).hasSize(25);
        ExpectedFigures expected = report.expected();
        assertThat(expected.gaps()).containsEntry("SHOULD_FORM_SINGLE", 13).containsEntry("NEEDS_JOINT", 20);

        // the registry's own statistics agree with the generator's totals
        Tokens tokens = new Tokens(platform.keycloakUrl());
        Http.Response statistics = Http.get(platform.gatewayUrl() + "/api/registry/statistics", tokens.user("committee-admin"));
        assertThat(statistics.status()).isEqualTo(200);
        assertThat(statistics.raw().body()).contains("7022").contains("3363");
    }
}
