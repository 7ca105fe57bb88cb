package org.partybuilding.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.partybuilding.platform.test.Exports;
import org.springframework.http.HttpHeaders;

/** The courses and the organizational life as CSV/XLSX (the portal's 导出): the caller's scope, Chinese headers, names not ids. */
class ListExportApiTest extends TrainingApiTestBase {

    private static Map<String, Object> course(String title) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "kind", "SECRETARY_TRAINING", "organizer", "街道党工委",
                "startsOn", "2027-05-06", "endsOn", "2027-05-07", "hours", "12"));
        body.put("location", "党群服务中心");
        return body;
    }

    @Test
    void coursesExportWithinTheCallersStreet() {
        post("/api/training/sessions", course("导出光塔书记培训"), streetAdmin("GUANGTA")).expectStatus().isCreated();
        post("/api/training/sessions", course("导出六榕书记培训"), streetAdmin("LIURONG")).expectStatus().isCreated();

        List<List<String>> guangta = Exports.lines(web, "/api/training/sessions?year=2027&kind=SECRETARY_TRAINING",
                streetAdmin("GUANGTA"), "text/csv");
        assertThat(guangta.get(0)).containsExactly("课程名称", "类型", "主办单位", "街道", "开始日期", "结束日期", "学时", "地点");
        assertThat(guangta).extracting(l -> l.get(0)).contains("导出光塔书记培训").doesNotContain("导出六榕书记培训");
        List<String> row = guangta.stream().filter(l -> l.get(0).equals("导出光塔书记培训")).findFirst().orElseThrow();
        assertThat(row).containsExactly("导出光塔书记培训", "书记培训", "街道党工委", "光塔", "2027-05-06", "2027-05-07", "12.00", "党群服务中心");

        List<List<String>> all = Exports.lines(web, "/api/training/sessions?year=2027&kind=SECRETARY_TRAINING",
                token(Role.AUDITOR), Spreadsheets.XLSX.toString());
        assertThat(all).extracting(l -> l.get(0)).contains("导出光塔书记培训", "导出六榕书记培训");
        web.get().uri("/api/training/sessions?street=LIURONG").header(HttpHeaders.AUTHORIZATION, streetAdmin("GUANGTA"))
                .header(HttpHeaders.ACCEPT, "text/csv").exchange().expectStatus().isForbidden();
    }

    @Test
    void activitiesExportWithPartyOrganizationAndLecturerByName() {
        String secretaryId = id("sec");
        String po = id("po");
        established(partyOrganization(po, 1, "DONGSHAN", "ACTIVE", secretaryId, List.of()));
        announced(member(secretaryId, 1, po, "DONGSHAN", "FORMAL", "ACTIVE"));
        List<String> members = members(po, "DONGSHAN", 1);
        Map<String, Object> body = activity(po, "PARTY_LESSON", "2026-04-08", List.of(members.get(0), secretaryId));
        body.put("lecturerMemberId", secretaryId);
        post("/api/training/activities", body, secretary(po)).expectStatus().isCreated();

        List<List<String>> own = Exports.lines(web, "/api/training/activities?partyOrganizationId=" + po, secretary(po), "text/csv");
        assertThat(own.get(0)).containsExactly("党组织", "街道", "类型", "日期", "主题", "主讲人", "书记讲党课", "参加人数", "请假人数",
                "应到党员", "达到规定人数", "学时");
        assertThat(own).hasSize(2);
        assertThat(own.get(1).subList(0, 8)).containsExactly("党支部" + po, "东山", "党课", "2026-04-08", "学习贯彻党的二十届三中全会精神",
                "党员" + secretaryId, "是", "2");

        assertThat(Exports.lines(web, "/api/training/activities?partyOrganizationId=" + po, streetAdmin("DONGSHAN"), "text/csv"))
                .hasSize(2);
        web.get().uri("/api/training/activities?partyOrganizationId=" + po).header(HttpHeaders.AUTHORIZATION, secretary("po-other"))
                .header(HttpHeaders.ACCEPT, "text/csv").exchange().expectStatus().isForbidden();
        assertThat(Exports.lines(web, "/api/training/activities?street=BAIYUN", streetAdmin("BAIYUN"), "text/csv")).extracting(l -> l.get(0))
                .doesNotContain("党支部" + po);
    }
}
