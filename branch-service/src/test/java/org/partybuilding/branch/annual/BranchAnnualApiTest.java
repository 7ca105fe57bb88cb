package org.partybuilding.branch.annual;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.branch.BranchApiTestBase;
import org.partybuilding.branch.coverage.CoverageReport;
import org.partybuilding.branch.standardization.StandardizationReport;
import org.partybuilding.platform.security.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * {@code GET /api/branches/reports/annual} (street LIURONG): the current year's end figures are the coverage and
 * standardization reports'; the year-start (and a past year's end) coverage is the one recorded on the day; party
 * organizations established and dissolved come from their dates.
 */
class BranchAnnualApiTest extends BranchApiTestBase {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private BranchAnnualSection section(int year, String bearer) {
        return get("/api/branches/reports/annual?year=" + year + "&street=LIURONG", bearer).expectStatus().isOk()
                .expectBody(BranchAnnualSection.class).returnResult().getResponseBody();
    }

    private static CoverageLine line(int active) {
        return new CoverageLine(active, 1, 1, 0, 0, 0, active - 1, new BigDecimal("1.0000"), new BigDecimal("0.5000"));
    }

    @Test
    void theSectionAgreesWithCoverageAndStandardizationAndReadsTheRecordedDays() throws Exception {
        register("ba-1", "LIURONG");
        members("ba-1", "LIURONG", 3, 0);
        Map<String, Object> body = establishment("党支部ba-1", "BRANCH", "SINGLE", "LIURONG", "ba-1");
        body.put("establishedOn", "2019-05-01");
        String id = established(body);

        // a past year: start and end as recorded on its days
        mongo.save(new CoverageDay("2019-01-01", LocalDate.of(2019, 1, 1), Instant.now(), line(9), Map.of("LIURONG", line(2)))).block();
        mongo.save(new CoverageDay("2019-12-31", LocalDate.of(2019, 12, 31), Instant.now(), line(10), Map.of("LIURONG", line(3))))
                .block();
        BranchAnnualSection y2019 = section(2019, bearer(Role.COMMITTEE_ADMIN));
        assertThat(y2019.coverageAtStart().asOf()).isEqualTo(LocalDate.of(2019, 1, 1));
        assertThat(y2019.coverageAtStart().figures()).isEqualTo(line(2));
        assertThat(y2019.coverageAtEnd().asOf()).isEqualTo(LocalDate.of(2019, 12, 31));
        assertThat(y2019.coverageAtEnd().figures()).isEqualTo(line(3));
        assertThat(y2019.established()).containsEntry("TOTAL", 1).containsEntry("SINGLE", 1);
        assertThat(y2019.dissolved()).containsEntry("TOTAL", 0);
        assertThat(section(2018, bearer(Role.AUDITOR)).coverageAtStart()).as("nothing recorded in 2018").isNull();
        mongo.save(new CoverageDay("2017-01-09", LocalDate.of(2017, 1, 9), Instant.now(), line(9), Map.of("LIURONG", line(2)))).block();
        assertThat(section(2017, bearer(Role.AUDITOR)).coverageAtStart()).as("recorded only on 9 January").isNull();
        assertThat(section(2017, bearer(Role.AUDITOR)).coverageAtEnd().asOf()).isEqualTo(LocalDate.of(2017, 1, 9));

        // the current year: the end is the coverage and standardization reports as they stand; today is recorded
        BranchAnnualSection now = section(TODAY.getYear(), streetAdmin("LIURONG"));
        CoverageReport coverage = get("/api/branches/coverage?street=LIURONG", bearer(Role.AUDITOR)).expectStatus().isOk()
                .expectBody(CoverageReport.class).returnResult().getResponseBody();
        CoverageLine end = now.coverageAtEnd().figures();
        assertThat(end.activeOrganizations()).isEqualTo(coverage.activeOrganizations()).isPositive();
        assertThat(end.coveredBySingle()).isEqualTo(coverage.coveredBySingle());
        assertThat(end.uncovered()).isEqualTo(coverage.uncovered());
        assertThat(end.organizationCoverageRate()).isEqualTo(coverage.organizationCoverageRate());
        assertThat(end.workCoverageRate()).isEqualTo(coverage.workCoverageRate());
        assertThat(now.coverageAtStart() == null || !now.coverageAtStart().asOf().isAfter(LocalDate.of(TODAY.getYear(), 1, 8)))
                .as("a year-start recorded later than a week into the year is no year-start").isTrue();
        assertThat(mongo.findById(TODAY.toString(), CoverageDay.class).block()).isNotNull();
        StandardizationReport standardization = get("/api/branches/standardization?street=LIURONG", bearer(Role.AUDITOR))
                .expectStatus().isOk().expectBody(StandardizationReport.class).returnResult().getResponseBody();
        assertThat(now.standardization().partyOrganizations()).isEqualTo(standardization.partyOrganizations());
        assertThat(now.standardization().ratings()).isEqualTo(standardization.ratings());
        assertThat(now.standardization().sixHaves()).isEqualTo(standardization.sixHaves());

        web.post().uri("/api/branches/" + id + "/dissolution").header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("date", TODAY.toString(), "reason", "单位注销"))
                .exchange().expectStatus().is2xxSuccessful();
        assertThat(section(TODAY.getYear(), bearer(Role.AUDITOR)).dissolved()).containsEntry("SINGLE", 1);

        get("/api/branches/reports/annual?street=LIURONG", streetAdmin("DATANG")).expectStatus().isForbidden();
        get("/api/branches/reports/annual", secretaryOf(id)).expectStatus().isForbidden();
        get("/api/branches/reports/annual?year=1999", bearer(Role.AUDITOR)).expectStatus().isBadRequest();
        byte[] xlsx = web.get().uri("/api/branches/reports/annual?year=2019&street=LIURONG")
                .header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR))
                .accept(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<org.dhatim.fastexcel.reader.Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(org.dhatim.fastexcel.reader.Sheet::getName).containsExactly("党组织覆盖", "党组织新建与撤销",
                    "规范化建设");
        }
    }
}
