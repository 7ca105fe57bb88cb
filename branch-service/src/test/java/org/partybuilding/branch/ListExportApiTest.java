package org.partybuilding.branch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.partybuilding.platform.test.Exports;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The party organizations and the instructors as CSV/XLSX (the portal's 导出): the caller's scope, Chinese headers, names
 * not ids; and the party organizations sorted by column ({@code sort=field,asc|desc}, an unknown field a 400).
 */
class ListExportApiTest extends BranchApiTestBase {

    private List<List<String>> csv(String path, String bearer) {
        return Exports.lines(web, path, bearer, "text/csv");
    }

    @Test
    void partyOrganizationsExportWithinTheCallersStreetByNameAndSortByColumn() {
        register("ex-po-a", "GUANGTA");
        members("ex-po-a", "GUANGTA", 3, 0);
        register("ex-po-b", "LIURONG");
        members("ex-po-b", "LIURONG", 3, 1);
        established(establishment("导出甲党支部", "BRANCH", "SINGLE", "GUANGTA", "ex-po-a"));
        established(establishment("导出乙党支部", "BRANCH", "SINGLE", "LIURONG", "ex-po-b"));

        List<List<String>> district = csv("/api/branches?q=导出", bearer(Role.AUDITOR));
        assertThat(district.get(0)).startsWith("党组织名称", "类型", "组建方式", "所在社会组织", "街道");
        assertThat(district).hasSize(3);
        List<String> b = district.stream().filter(l -> l.get(0).equals("导出乙党支部")).findFirst().orElseThrow();
        assertThat(b.subList(0, 4)).containsExactly("导出乙党支部", "党支部", "单独建", "社会组织ex-po-b");
        assertThat(b.get(district.get(0).indexOf("状态"))).isEqualTo("存续");
        assertThat(b.get(district.get(0).indexOf("六有齐全"))).isIn("是", "否");
        assertThat(b.get(district.get(0).indexOf("正式党员"))).matches("\\d+");

        List<List<String>> street = csv("/api/branches?q=导出", streetAdmin("GUANGTA"));
        assertThat(street).hasSize(2);
        assertThat(street.get(1).get(0)).isEqualTo("导出甲党支部");
        get("/api/branches?q=导出&street=LIURONG", streetAdmin("GUANGTA")).expectStatus().isForbidden();

        List<List<String>> xlsx = Exports.lines(web, "/api/branches?q=导出&sort=name,desc", bearer(Role.COMMITTEE_ADMIN),
                Spreadsheets.XLSX.toString());
        assertThat(xlsx.subList(1, xlsx.size())).extracting(r -> r.get(0)).containsExactly("导出甲党支部", "导出乙党支部");

        get("/api/branches?q=导出&sort=name,desc", bearer(Role.AUDITOR)).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].name").isEqualTo("导出甲党支部").jsonPath("$.items[1].name").isEqualTo("导出乙党支部");
        get("/api/branches?q=导出&sort=street,asc", bearer(Role.AUDITOR)).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].street").isEqualTo("GUANGTA");
        get("/api/branches?q=导出&sort=secretary", bearer(Role.AUDITOR)).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sort");
        web.get().uri("/api/branches?sort=nope").header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR))
                .header(HttpHeaders.ACCEPT, "text/csv").exchange().expectStatus().isBadRequest();
    }

    @Test
    void instructorsExportWithOrganizationNamesAndThePhoneMaskedAsTheListMasksIt() {
        register("ex-in-a", "GUANGTA");
        register("ex-in-b", "GUANGTA");
        register("ex-in-c", "LIURONG");
        assignInstructor(bearer(Role.DISTRICT_ADMIN), "ex-in-a", "ex-in-b").expectStatus().isCreated();
        assignInstructor(bearer(Role.DISTRICT_ADMIN), "ex-in-c").expectStatus().isCreated();

        List<List<String>> auditor = csv("/api/branches/instructors?organizationId=ex-in-a", bearer(Role.AUDITOR));
        assertThat(auditor.get(0)).containsExactly("姓名", "手机号码", "指导的社会组织", "街道", "选派日期");
        assertThat(auditor).hasSize(2);
        assertThat(auditor.get(1).subList(0, 3)).containsExactly("王指导", "138****5678", "社会组织ex-in-a、社会组织ex-in-b");
        assertThat(auditor.get(1).get(3)).isEqualTo("光塔");

        List<List<String>> street = csv("/api/branches/instructors", streetAdmin("LIURONG"));
        assertThat(street).extracting(l -> l.get(2)).contains("社会组织ex-in-c").doesNotContain("社会组织ex-in-a、社会组织ex-in-b");
        assertThat(street.get(1).get(1)).isEqualTo("13812345678");
        web.get().uri("/api/branches/instructors").header(HttpHeaders.AUTHORIZATION, bearer(Role.FINANCE))
                .header(HttpHeaders.ACCEPT, "text/csv").exchange().expectStatus().isForbidden();
    }
}
