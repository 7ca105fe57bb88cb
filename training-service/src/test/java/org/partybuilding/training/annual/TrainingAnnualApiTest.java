package org.partybuilding.training.annual;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.security.Role;
import org.partybuilding.training.TrainingApiTestBase;
import org.partybuilding.training.compliance.ComplianceReport;
import org.partybuilding.training.statistics.TrainingStatistics;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * {@code GET /api/training/reports/annual}: its figures are the compliance and statistics reports' for the same year and
 * street; its XLSX is a workbook with one sheet per part; a secretary and another street's admin are refused.
 */
class TrainingAnnualApiTest extends TrainingApiTestBase {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void theSectionAgreesWithTheComplianceAndStatisticsReports() throws Exception {
        String po = partyOrganization("ZHUGUANG");
        List<String> members = members(po, "ZHUGUANG", 3);
        post("/api/training/activities", activity(po, "GENERAL_MEETING", "2025-02-10", members.subList(0, 2)), secretary(po))
                .expectStatus().isCreated();
        post("/api/training/activities", activity(po, "PARTY_LESSON", "2025-05-10", members), secretary(po)).expectStatus().isCreated();

        TrainingAnnualSection section = get("/api/training/reports/annual?year=2025&street=ZHUGUANG", token(Role.COMMITTEE_ADMIN))
                .expectStatus().isOk().expectBody(TrainingAnnualSection.class).returnResult().getResponseBody();
        assertThat(section.streetName()).isEqualTo("珠光");
        assertThat(section.compliance()).extracting(TrainingAnnualSection.Compliance::period)
                .containsExactly("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2025");
        for (int q = 1; q <= 5; q++) {
            String query = q <= 4 ? "year=2025&quarter=" + q : "year=2025";
            ComplianceReport report = get("/api/training/compliance?street=ZHUGUANG&" + query, token(Role.AUDITOR)).expectStatus().isOk()
                    .expectBody(ComplianceReport.class).returnResult().getResponseBody();
            TrainingAnnualSection.Compliance c = section.compliance().get(q - 1);
            assertThat(c.partyOrganizations()).isEqualTo(report.total().partyOrganizations()).isPositive();
            assertThat(c.compliant()).isEqualTo(report.total().compliant());
            assertThat(c.behind()).isEqualTo(report.total().behind());
            assertThat(c.complianceRate()).isEqualByComparingTo(report.total().complianceRate());
        }
        TrainingStatistics stats = get("/api/training/statistics?year=2025&street=ZHUGUANG", token(Role.AUDITOR)).expectStatus().isOk()
                .expectBody(TrainingStatistics.class).returnResult().getResponseBody();
        assertThat(section.training()).isEqualTo(stats.total());
        assertThat(section.training().personTimes()).isGreaterThanOrEqualTo(5);

        // a street admin reads its own street; another street, a secretary and finance are refused
        get("/api/training/reports/annual?year=2025", streetAdmin("ZHUGUANG")).expectStatus().isOk().expectBody(Map.class)
                .value(body -> assertThat(body.get("street")).isEqualTo("ZHUGUANG"));
        get("/api/training/reports/annual?year=2025&street=ZHUGUANG", streetAdmin("DADONG")).expectStatus().isForbidden();
        get("/api/training/reports/annual?year=2025", secretary(po)).expectStatus().isForbidden();
        get("/api/training/reports/annual?year=2025", token(Role.FINANCE)).expectStatus().isForbidden();
        get("/api/training/reports/annual?year=1999", token(Role.AUDITOR)).expectStatus().isBadRequest();
        get("/api/training/reports/annual?street=NOWHERE", token(Role.AUDITOR)).expectStatus().isBadRequest();

        byte[] xlsx = web.get().uri("/api/training/reports/annual?year=2025&street=ZHUGUANG")
                .header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR)).accept(MediaType.parseMediaType(XLSX)).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<org.dhatim.fastexcel.reader.Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(org.dhatim.fastexcel.reader.Sheet::getName).containsExactly("组织生活", "教育培训");
            try (var rows = sheets.get(0).openStream()) {
                assertThat(rows.count()).isEqualTo(6);
            }
        }
    }
}
