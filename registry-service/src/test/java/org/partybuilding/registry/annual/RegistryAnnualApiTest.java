package org.partybuilding.registry.annual;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.TestTokens;
import org.partybuilding.registry.organization.OrganizationFixtures;
import org.partybuilding.registry.organization.OrganizationType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code GET /api/registry/reports/annual} (street KUANGQUAN): organizations at the start and end of the year from their
 * registration and deregistration dates; the current year's end is the statistics report's active count.
 */
@PlatformTest
class RegistryAnnualApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    WebTestClient web;

    private RegistryAnnualSection section(int year, String street, String bearer) {
        return web.get().uri("/api/registry/reports/annual?year=" + year + (street == null ? "" : "&street=" + street))
                .header(HttpHeaders.AUTHORIZATION, bearer).exchange().expectStatus().isOk()
                .expectBody(RegistryAnnualSection.class).returnResult().getResponseBody();
    }

    private String register(String registeredOn) {
        Map<String, Object> body = OrganizationFixtures.body("KUANGQUAN", OrganizationType.SOCIAL_GROUP);
        body.put("registeredOn", registeredOn);
        return OrganizationFixtures.registered(web, body).id();
    }

    @Test
    void organizationsAtStartAndEndRegisteredAndDeregisteredAgreeWithTheStatistics() throws Exception {
        int year = TODAY.getYear();
        register((year - 2) + "-03-01");
        String leaving = register((year - 2) + "-05-01");
        register(year + "-01-15");
        web.post().uri("/api/registry/organizations/" + leaving + "/deregistration")
                .header(HttpHeaders.AUTHORIZATION, OrganizationFixtures.token(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("date", TODAY.toString(), "reason", "自行解散")).exchange().expectStatus().isOk();

        RegistryAnnualSection now = section(year, "KUANGQUAN", OrganizationFixtures.streetAdmin("KUANGQUAN"));
        assertThat(now.total()).isEqualTo(new RegistryAnnualSection.Figures(2, 2, 1, 1));
        assertThat(now.byType().get("SOCIAL_GROUP")).isEqualTo(now.total());
        assertThat(now.byStreet()).singleElement().satisfies(s -> assertThat(s.streetName()).isEqualTo("矿泉"));
        assertThat(section(year - 1, "KUANGQUAN", OrganizationFixtures.token(Role.AUDITOR)).total())
                .isEqualTo(new RegistryAnnualSection.Figures(2, 2, 0, 0));

        // district-wide, the year's end is the statistics report's active organizations
        RegistryAnnualSection district = section(year, null, OrganizationFixtures.token(Role.COMMITTEE_ADMIN));
        web.get().uri("/api/registry/statistics").header(HttpHeaders.AUTHORIZATION, OrganizationFixtures.token(Role.COMMITTEE_ADMIN))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(district.total().activeAtEnd());

        web.get().uri("/api/registry/reports/annual?street=KUANGQUAN").header(HttpHeaders.AUTHORIZATION,
                OrganizationFixtures.streetAdmin("JIANSHE")).exchange().expectStatus().isForbidden();
        web.get().uri("/api/registry/reports/annual").header(HttpHeaders.AUTHORIZATION,
                TestTokens.bearer(TestTokens.builder().role(Role.BRANCH_SECRETARY).partyOrganization("p").build()))
                .exchange().expectStatus().isForbidden();
        for (String query : List.of("year=3000", "street=NOWHERE", "format=pdf")) {
            web.get().uri("/api/registry/reports/annual?" + query).header(HttpHeaders.AUTHORIZATION,
                    OrganizationFixtures.token(Role.AUDITOR)).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        byte[] xlsx = web.get().uri("/api/registry/reports/annual?year=" + year).header(HttpHeaders.AUTHORIZATION,
                OrganizationFixtures.token(Role.AUDITOR))
                .accept(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<org.dhatim.fastexcel.reader.Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(org.dhatim.fastexcel.reader.Sheet::getName).containsExactly("社会组织");
        }
    }
}
