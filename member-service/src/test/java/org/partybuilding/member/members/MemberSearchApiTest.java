package org.partybuilding.member.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partybuilding.member.MemberFixtures.body;
import static org.partybuilding.member.MemberFixtures.idNumber;
import static org.partybuilding.member.MemberFixtures.registered;
import static org.partybuilding.member.MemberFixtures.streetAdmin;
import static org.partybuilding.member.MemberFixtures.token;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partybuilding.member.MemberApiTestBase;
import org.partybuilding.member.MemberFixtures;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.spreadsheet.SheetRows;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Finding members (DOMAIN.md §6): by name, by the full ID number although it is sealed, sorted, exported within scope. */
class MemberSearchApiTest extends MemberApiTestBase {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final java.util.concurrent.atomic.AtomicInteger RUN = new java.util.concurrent.atomic.AtomicInteger();

    /** Names unique to each test: "张" + tag + …, so that the members of earlier tests do not match. */
    private String tag;
    private String zhangSanfeng;
    private String zhangXiaoming;
    private String liSi;
    private String zhangYuan;
    private String liSiIdNumber;

    @BeforeEach
    void members() {
        MemberFixtures.organization(events, mongo, "org-search", "JIANSHE");
        MemberFixtures.organization(events, mongo, "org-search-far", "DONGSHAN");
        tag = "寻" + "甲乙丙丁戊己庚辛壬癸".charAt(RUN.getAndIncrement() % 10);
        zhangSanfeng = person("org-search", "张" + tag + "三丰", "2016-01-05");
        zhangXiaoming = person("org-search", "张" + tag + "小明", "2012-04-01");
        Map<String, Object> li = body("org-search");
        li.put("name", "李" + tag + "四");
        liSiIdNumber = (String) li.get("idNumber");
        liSi = registered(web, li);
        zhangYuan = person("org-search-far", "张" + tag + "远", "2014-09-09");
    }

    private String person(String organizationId, String name, String appliedOn) {
        Map<String, Object> body = body(organizationId);
        body.put("name", name);
        body.put("appliedOn", appliedOn);
        return registered(web, body);
    }

    private JsonNode list(String query, String bearer) {
        String json = web.get().uri("/api/members?size=200&" + query).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(json);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    @Test
    void qFindsNamesContainingItWithinTheCallersScope() {
        assertThat(ids(list("q=张" + tag, token(Role.DISTRICT_ADMIN)))).contains(zhangSanfeng, zhangXiaoming, zhangYuan).doesNotContain(liSi);
        assertThat(ids(list("q=" + tag + "小", token(Role.AUDITOR)))).containsExactly(zhangXiaoming);
        assertThat(ids(list("q=张" + tag, streetAdmin("JIANSHE")))).contains(zhangSanfeng, zhangXiaoming).doesNotContain(zhangYuan, liSi);
        // the text is matched as written, never as a pattern
        assertThat(ids(list("q=张" + tag + ".*", token(Role.DISTRICT_ADMIN)))).isEmpty();
    }

    @Test
    void idNumberFindsExactlyThatMemberByTheKeyedHashBesideTheSealedNumber() {
        JsonNode found = list("idNumber=" + liSiIdNumber, token(Role.DISTRICT_ADMIN));
        assertThat(ids(found)).containsExactly(liSi);
        assertThat(found.get("total").asInt()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("idNumber").asString()).isEqualTo(liSiIdNumber);
        // an auditor who knows the full number finds the member, masked
        JsonNode masked = list("idNumber=" + liSiIdNumber.toLowerCase(), token(Role.AUDITOR));
        assertThat(ids(masked)).containsExactly(liSi);
        assertThat(masked.get("items").get(0).get("idNumber").asString()).contains("**********");
        assertThat(ids(list("idNumber=" + idNumber(LocalDate.of(1990, 3, 7), false), token(Role.DISTRICT_ADMIN)))).isEmpty();
        // another street's member is not found by a street admin
        assertThat(ids(list("idNumber=" + liSiIdNumber, streetAdmin("DONGSHAN")))).isEmpty();
        web.get().uri("/api/members?idNumber=44010419900307").header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("idNumber");
    }

    @Test
    void theListIsSortedByWhitelistedFieldsAndUnknownSortsAreRefused() {
        assertThat(ids(list("q=张" + tag + "&sort=name,desc", token(Role.DISTRICT_ADMIN))))
                .containsSubsequence(zhangXiaoming, zhangSanfeng);
        assertThat(ids(list("q=张" + tag + "&sort=appliedOn,asc", token(Role.DISTRICT_ADMIN))))
                .containsExactly(zhangXiaoming, zhangYuan, zhangSanfeng);
        assertThat(ids(list("q=张" + tag + "&sort=street&sort=appliedOn,desc", token(Role.DISTRICT_ADMIN))))
                .containsExactly(zhangYuan, zhangSanfeng, zhangXiaoming);
        for (String bad : List.of("sort=birthDate,asc", "sort=name,sideways", "sort=idNumberHash", "sort=desc")) {
            web.get().uri("/api/members?" + bad).header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN)).exchange()
                    .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("sort");
        }
    }

    private byte[] export(String query, String bearer, String accept) {
        return web.get().uri("/api/members?" + query).header(HttpHeaders.AUTHORIZATION, bearer).accept(MediaType.parseMediaType(accept))
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
    }

    @Test
    void theListIsExportedAsCsvAndXlsxWithinTheScopeMaskedAsTheApiMasks() {
        String csv = new String(export("q=张" + tag + "&sort=name", streetAdmin("JIANSHE"), "text/csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF姓名,性别,出生日期,出生年份,公民身份号码").contains("张" + tag + "三丰").contains("张" + tag + "小明")
                .contains("建设").doesNotContain("张" + tag + "远");
        String masked = new String(export("organizationId=org-search", token(Role.AUDITOR), "text/csv"), StandardCharsets.UTF_8);
        assertThat(masked).contains("李" + tag + "四").contains(liSiIdNumber.substring(0, 4) + "**********" + liSiIdNumber.substring(14))
                .doesNotContain(liSiIdNumber).doesNotContain("1990-03-07").contains(",1990,");
        SheetRows sheet = Spreadsheets.read("members.xlsx", export("q=张" + tag, token(Role.COMMITTEE_ADMIN), XLSX), 1000);
        assertThat(sheet.headers()).startsWith("姓名", "性别", "出生日期");
        assertThat(sheet.rows()).extracting(r -> r.cells().get(0)).contains("张" + tag + "三丰", "张" + tag + "小明", "张" + tag + "远");
        web.get().uri("/api/members?street=DONGSHAN").header(HttpHeaders.AUTHORIZATION, streetAdmin("JIANSHE"))
                .accept(MediaType.parseMediaType("text/csv")).exchange().expectStatus().isForbidden();
        web.get().uri("/api/members").header(HttpHeaders.AUTHORIZATION, token(Role.FINANCE))
                .accept(MediaType.parseMediaType("text/csv")).exchange().expectStatus().isForbidden();
    }

    @Test
    void anUnknownQueryParameterIsA400NamingItOnEveryListOfTheService() {
        for (String list : List.of("/api/members?stret=JIANSHE", "/api/members/transfers?stat=REQUESTED",
                "/api/members/reports/pipeline?stret=JIANSHE", "/api/members/reports/transfer-due?stret=JIANSHE",
                "/api/members/reports/arrears?stret=JIANSHE", "/api/members/" + liSi + "/history?stret=JIANSHE",
                "/api/members/" + liSi + "?stret=JIANSHE", "/api/members/" + liSi + "/dues?month=2026-01&stret=JIANSHE")) {
            WebTestClient.BodyContentSpec body = web.get().uri(list).header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN))
                    .exchange().expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody();
            body.jsonPath("$.errors[0].field").isEqualTo(list.contains("transfers?") ? "stat" : "stret");
        }
        for (String export : List.of("/api/members?stret=JIANSHE", "/api/members/reports/arrears?stret=JIANSHE")) {
            web.get().uri(export).header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN)).accept(MediaType.parseMediaType("text/csv"))
                    .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("stret");
        }
    }
}
