package org.partybuilding.member.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partybuilding.member.MemberFixtures.idNumber;
import static org.partybuilding.member.MemberFixtures.streetAdmin;
import static org.partybuilding.member.MemberFixtures.token;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partybuilding.member.MemberApiTestBase;
import org.partybuilding.member.MemberFixtures;
import org.partybuilding.member.members.Member;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.spreadsheet.ImportReport;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.partybuilding.platform.spreadsheet.Table;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Member roster import: good rows land, bad rows are named by row and field, unreadable files change nothing. */
class MemberImportApiTest extends MemberApiTestBase {

    private static final String HEADER = "姓名,性别,身份证号,手机号码,学历,单位统一社会信用代码,党组织ID,发展阶段,申请入党日期,"
            + "确定入党积极分子日期,确定发展对象日期,入党日期,转正日期,税后月收入,收入类别";

    @BeforeEach
    void context() {
        MemberFixtures.organization(events, mongo, "imp-jianshe", "JIANSHE");
        MemberFixtures.organization(events, mongo, "imp-huale", "HUALE");
        MemberFixtures.partyOrganization(events, mongo, "po-imp", "imp-jianshe");
    }

    private static String formal(String name, String id, String creditCode) {
        return String.join(",", name, "女", id, "13800001111", "本科", creditCode, "po-imp", "正式党员", "2010/3/1", "2011/3/1",
                "2012/3/1", "2012/7/1", "2013/7/1", "6500.00", "在职");
    }

    private WebTestClient.ResponseSpec upload(String filename, byte[] content, String bearer) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(content)).filename(filename);
        return web.post().uri("/api/members/import").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build())).exchange();
    }

    private static byte[] csv(String... lines) {
        return ("\uFEFF" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private long membersOf(String organizationId) {
        return mongo.count(Query.query(Criteria.where("organizationId").is(organizationId)), Member.class).block();
    }

    @Test
    void aRosterWithGoodAndBadRowsLandsOnlyTheGoodOnes() {
        LocalDate birth = LocalDate.of(1985, 6, 1);
        String first = idNumber(birth, false);
        String badCheck = idNumber(birth, false);
        badCheck = badCheck.substring(0, 17) + (badCheck.charAt(17) == '1' ? '2' : '1');
        String young = idNumber(LocalDate.of(2000, 1, 1), false);
        long before = membersOf("imp-jianshe");
        ImportReport report = upload("花名册.csv", csv(HEADER,
                formal("甲", first, "51440104MJimp-jianshe"),
                formal("乙", badCheck, "51440104MJimp-jianshe"),
                formal("丙", first, "51440104MJimp-jianshe"),
                formal("丁", idNumber(birth, false), "51440104MJ00000000"),
                String.join(",", "戊", "女", young, "", "", "51440104MJimp-jianshe", "", "入党申请人", "2017/12/31", "", "", "", "",
                        "3000", "在职"),
                formal("己", idNumber(birth, true), "51440104MJimp-jianshe"),
                formal("庚", idNumber(birth, false), "51440104MJimp-jianshe").replace("6500.00", "很多")), token(Role.COMMITTEE_ADMIN))
                .expectStatus().isOk().expectBody(ImportReport.class).returnResult().getResponseBody();
        assertThat(report.rows()).isEqualTo(7);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.rejected()).extracting(ImportReport.RejectedRow::row).containsExactly(3, 4, 5, 6, 7, 8);
        assertThat(report.rejected()).extracting(r -> r.errors().get(0).field())
                .containsExactly("idNumber", "idNumber", "organizationCreditCode", "appliedOn", "gender", "monthlyIncome");
        assertThat(membersOf("imp-jianshe")).isEqualTo(before + 1);

        // The same person again: rejected as registered already.
        upload("again.csv", csv(HEADER, formal("甲", first, "51440104MJimp-jianshe")), token(Role.COMMITTEE_ADMIN))
                .expectStatus().isOk().expectBody().jsonPath("$.created").isEqualTo(0)
                .jsonPath("$.rejected[0].errors[0].message").isEqualTo("is registered already");
    }

    @Test
    void anXlsxRosterWithEnglishHeadersIsImportedAndStreetAdminsStayInTheirStreet() {
        LocalDate birth = LocalDate.of(1988, 9, 9);
        List<String> headers = List.of("name", "gender", "idNumber", "organizationId", "stage", "appliedOn", "monthlyIncome",
                "incomeCategory");
        Table table = new Table("members", headers, List.of(
                Arrays.asList("张三", "MALE", idNumber(birth, true), "imp-huale", "APPLICANT", LocalDate.of(2024, 5, 6), 3000, "EMPLOYED"),
                Arrays.asList("李四", "男", idNumber(birth, true), "imp-jianshe", "入党申请人", LocalDate.of(2024, 5, 6), 0, "学生")));
        ImportReport report = upload("members.xlsx", Spreadsheets.xlsx(table), streetAdmin("HUALE")).expectStatus().isOk()
                .expectBody(ImportReport.class).returnResult().getResponseBody();
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.rejected()).singleElement().satisfies(r -> assertThat(r.errors().get(0).message()).contains("scope"));
        assertThat(membersOf("imp-huale")).isEqualTo(1);
        upload("members.xlsx", Spreadsheets.xlsx(table), token(Role.AUDITOR)).expectStatus().isForbidden();
        upload("members.xlsx", Spreadsheets.xlsx(table), MemberFixtures.secretary("po-imp")).expectStatus().isForbidden();
    }

    @Test
    void unreadableRostersAreRefusedWhole() {
        long before = mongo.count(new Query(), Member.class).block();
        byte[] xlsx = Spreadsheets.xlsx(new Table("x", List.of("name"), List.of(List.of("甲"))));
        upload("corrupt.xlsx", Arrays.copyOf(xlsx, xlsx.length / 2), token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("file");
        upload("no-id.csv", csv(HEADER.replace("身份证号,", ""), "甲"), token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("idNumber"));
        upload("no-employer.csv", csv(HEADER.replace("单位统一社会信用代码,", ""), "甲"), token(Role.DISTRICT_ADMIN))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].message")
                .value(m -> assertThat((String) m).contains("organizationCreditCode"));
        assertThat(mongo.count(new Query(), Member.class).block()).isEqualTo(before);
    }
}
