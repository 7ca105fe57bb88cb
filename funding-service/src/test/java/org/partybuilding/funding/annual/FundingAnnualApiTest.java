package org.partybuilding.funding.annual;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partybuilding.funding.FundingApiTestBase;
import org.partybuilding.funding.report.FundingReport;
import org.partybuilding.platform.security.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * {@code GET /api/funding/reports/annual} (fiscal year 2012, street BEIJING): by kind and by street it is the funding
 * report's rows and total for the same year and street, to the fen; its XLSX has one sheet per part.
 */
class FundingAnnualApiTest extends FundingApiTestBase {

    private static final int YEAR = 2012;

    @Test
    void theSectionAgreesWithTheFundingReportToTheFen() throws Exception {
        establish("fa-po", "BEIJING", LocalDate.of(YEAR, 3, 1), "fa-org");
        members("fa-m", 3, "fa-org", "fa-po", "BEIJING", "FORMAL", LocalDate.of(2005, 1, 1));
        allocate(YEAR, YEAR + "-06-30", bearer(Role.DISTRICT_ADMIN)).expectStatus().isCreated();

        FundingAnnualSection section = get("/api/funding/reports/annual?year=" + YEAR + "&street=BEIJING", bearer(Role.FINANCE))
                .expectStatus().isOk().expectBody(FundingAnnualSection.class).returnResult().getResponseBody();
        FundingReport byKind = get("/api/funding/reports?fiscalYear=" + YEAR + "&groupBy=kind&street=BEIJING", bearer(Role.AUDITOR))
                .expectStatus().isOk().expectBody(FundingReport.class).returnResult().getResponseBody();
        FundingReport byStreet = get("/api/funding/reports?fiscalYear=" + YEAR + "&groupBy=street&street=BEIJING",
                bearer(Role.AUDITOR)).expectStatus().isOk().expectBody(FundingReport.class).returnResult().getResponseBody();
        assertThat(section.total()).isEqualTo(byKind.total()).isEqualTo(byStreet.total());
        assertThat(section.byKind()).isEqualTo(byKind.rows());
        assertThat(section.byStreet()).isEqualTo(byStreet.rows());
        assertThat(section.byKind()).filteredOn(r -> r.key().equals("ANNUAL_WORKING_FUNDS")).singleElement()
                .satisfies(r -> assertThat(r.amount()).isEqualTo("300.00"));

        // the district-wide section agrees with the district-wide report too
        FundingAnnualSection district = get("/api/funding/reports/annual?year=" + YEAR, bearer(Role.DISTRICT_ADMIN)).expectStatus()
                .isOk().expectBody(FundingAnnualSection.class).returnResult().getResponseBody();
        get("/api/funding/reports?fiscalYear=" + YEAR + "&groupBy=kind", bearer(Role.AUDITOR)).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(district.total());

        get("/api/funding/reports/annual?year=" + YEAR, streetAdmin("BEIJING")).expectStatus().isOk().expectBody()
                .jsonPath("$.street").isEqualTo("BEIJING").jsonPath("$.total").isEqualTo(section.total());
        get("/api/funding/reports/annual?year=" + YEAR + "&street=BEIJING", streetAdmin("RENMIN")).expectStatus().isForbidden();
        get("/api/funding/reports/annual?year=" + YEAR, secretaryOf("fa-po")).expectStatus().isForbidden();
        isProblem(get("/api/funding/reports/annual?year=1999", bearer(Role.AUDITOR)), 400);

        byte[] xlsx = web.get().uri("/api/funding/reports/annual?year=" + YEAR + "&street=BEIJING")
                .header(HttpHeaders.AUTHORIZATION, bearer(Role.FINANCE))
                .accept(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<org.dhatim.fastexcel.reader.Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(org.dhatim.fastexcel.reader.Sheet::getName).containsExactly("经费按类别", "经费按街道");
        }
    }
}
