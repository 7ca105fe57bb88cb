package org.partybuilding.member.annual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partybuilding.member.MemberFixtures.body;
import static org.partybuilding.member.MemberFixtures.registered;
import static org.partybuilding.member.MemberFixtures.secretary;
import static org.partybuilding.member.MemberFixtures.streetAdmin;
import static org.partybuilding.member.MemberFixtures.token;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.member.MemberApiTestBase;
import org.partybuilding.member.MemberFixtures;
import org.partybuilding.member.reports.PipelineReport;
import org.partybuilding.member.transfers.TransferView;
import org.partybuilding.platform.security.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * {@code GET /api/members/reports/annual} (street MEIHUACUN): members developed per stage reached in the year, party
 * members at the start and end from their dated facts, transfers completed; the current year's end figures are the
 * pipeline report's.
 */
class MemberAnnualApiTest extends MemberApiTestBase {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private MemberAnnualSection section(int year, String bearer) {
        return web.get().uri("/api/members/reports/annual?year=" + year + "&street=MEIHUACUN").header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange().expectStatus().isOk().expectBody(MemberAnnualSection.class).returnResult().getResponseBody();
    }

    @Test
    void developedPerStageAndPartyMembersAtStartAndEndComeFromTheDatedFacts() throws Exception {
        MemberFixtures.organization(events, mongo, "org-annual", "MEIHUACUN");
        MemberFixtures.established(events, mongo, MemberFixtures.partyOrganization("po-annual", "MEIHUACUN", LocalDate.of(2020, 1, 1),
                "org-annual"));
        Map<String, Object> confirmed = body("org-annual");
        confirmed.putAll(Map.of("stage", "FORMAL", "appliedOn", "2023-03-01", "activistOn", "2023-09-01", "targetOn", "2024-09-10",
                "admittedOn", "2024-10-01", "confirmedOn", "2025-10-01"));
        registered(web, confirmed);
        Map<String, Object> applicant = body("org-annual");
        applicant.put("appliedOn", "2025-05-01");
        registered(web, applicant);

        MemberAnnualSection y2025 = section(2025, token(Role.COMMITTEE_ADMIN));
        assertThat(y2025.startOn()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(y2025.endOn()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(y2025.developed()).containsEntry("APPLICANT", 1).containsEntry("ACTIVIST", 0).containsEntry("FORMAL", 1);
        assertThat(y2025.partyMembersAtStart()).containsEntry("PROBATIONARY", 1).containsEntry("FORMAL", 0);
        assertThat(y2025.partyMembersAtEnd()).containsEntry("PROBATIONARY", 0).containsEntry("FORMAL", 1);
        assertThat(section(2024, token(Role.AUDITOR)).developed()).containsEntry("DEVELOPMENT_TARGET", 1)
                .containsEntry("PROBATIONARY", 1);

        // this year: a formal member leaves the district; the end figures are the pipeline's
        Map<String, Object> leaving = body("org-annual");
        leaving.putAll(Map.of("stage", "FORMAL", "appliedOn", "2014-05-01", "activistOn", "2015-05-01", "targetOn", "2016-05-01",
                "admittedOn", "2016-07-01", "confirmedOn", "2017-07-01"));
        String id = registered(web, leaving);
        String transfer = web.post().uri("/api/members/" + id + "/transfers").header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("kind", "OUT_OF_DISTRICT", "destination", "天河区"))
                .exchange().expectStatus().isCreated().expectBody(TransferView.class).returnResult().getResponseBody().transfer().id();
        web.post().uri("/api/members/transfers/" + transfer + "/completion").header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange().expectStatus().isOk();

        int year = TODAY.getYear();
        MemberAnnualSection now = section(year, streetAdmin("MEIHUACUN"));
        assertThat(now.endOn()).isEqualTo(TODAY);
        assertThat(now.transfers()).containsEntry("OUT_OF_DISTRICT", 1);
        assertThat(now.partyMembersAtStart()).containsEntry("FORMAL", 2);
        PipelineReport pipeline = web.get().uri("/api/members/reports/pipeline?street=MEIHUACUN&limit=0")
                .header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR)).exchange().expectStatus().isOk()
                .expectBody(PipelineReport.class).returnResult().getResponseBody();
        assertThat(now.partyMembersAtEnd().get("FORMAL").longValue()).isEqualTo(pipeline.byStage().get("FORMAL")).isEqualTo(1L);
        assertThat(now.partyMembersAtEnd().get("PROBATIONARY").longValue()).isEqualTo(pipeline.byStage().get("PROBATIONARY"));

        web.get().uri("/api/members/reports/annual?street=MEIHUACUN").header(HttpHeaders.AUTHORIZATION, streetAdmin("DATANG"))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/members/reports/annual").header(HttpHeaders.AUTHORIZATION, secretary("po-annual"))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/members/reports/annual?year=3000").header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR))
                .exchange().expectStatus().isBadRequest();
        byte[] xlsx = web.get().uri("/api/members/reports/annual?year=2025&street=MEIHUACUN")
                .header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR))
                .accept(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<org.dhatim.fastexcel.reader.Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(org.dhatim.fastexcel.reader.Sheet::getName).containsExactly("党员", "发展党员", "组织关系转接");
        }
    }
}
