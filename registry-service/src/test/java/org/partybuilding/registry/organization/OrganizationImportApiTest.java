package org.partybuilding.registry.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partybuilding.registry.organization.OrganizationFixtures.streetAdmin;
import static org.partybuilding.registry.organization.OrganizationFixtures.token;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.partybuilding.events.CloudEventHeaders;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.spreadsheet.ImportReport;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.partybuilding.platform.spreadsheet.Table;
import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Bulk import: good rows land, bad rows are reported by row number and change nothing, unreadable files change nothing at all. */
@PlatformTest
@TestPropertySource(properties = {"registry.import.max-rows=100", "registry.import.max-size=64KB"})
class OrganizationImportApiTest {

    private static final AtomicInteger SERIAL = new AtomicInteger(5000);
    private static final String CHINESE_HEADER =
            "名称,统一社会信用代码,类型,登记级别,登记日期,业务主管单位,行业,街道,地址,法定代表人,法定代表人是否党员,从业人员数,专职工作人员数,运营状况";

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    EmbeddedKafkaBroker broker;

    private static String code(OrganizationType type) {
        return CreditCodeTest.valid(type, SERIAL.incrementAndGet());
    }

    private static String row(String name, String code, String street, int employees, int staff) {
        return String.join(",", name, code, "民办非企业单位", "区级", "2023/5/8", "越秀区民政局", "养老服务", street,
                "\"越秀区中山四路1号, 2楼\"", "陈明", "是", String.valueOf(employees), String.valueOf(staff), "正常");
    }

    private static byte[] csvWithBom(String... lines) {
        byte[] text = (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        return withBom;
    }

    private WebTestClient.ResponseSpec upload(String filename, byte[] content, String bearer) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(content)).filename(filename);
        return web.post().uri("/api/registry/organizations/import").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build())).exchange();
    }

    private long stored() {
        return mongo.count(new Query(), Organization.class).block();
    }

    private Organization byCode(String creditCode) {
        return mongo.findOne(Query.query(Criteria.where("activeCreditCode").is(creditCode)), Organization.class).block();
    }

    @Test
    void aCsvWithGoodAndBadRowsLandsOnlyTheGoodOnesAndNamesTheBadOnes() {
        String good1 = code(OrganizationType.PRIVATE_NON_ENTERPRISE);
        String good2 = code(OrganizationType.PRIVATE_NON_ENTERPRISE);
        String badCheck = code(OrganizationType.PRIVATE_NON_ENTERPRISE);
        badCheck = badCheck.substring(0, 17) + (badCheck.charAt(17) == '0' ? '1' : '0');
        long before = stored();

        ImportReport report = upload("登记台账.csv", csvWithBom(CHINESE_HEADER,
                row("越秀区长者之家", good1, "建设街", 12, 5),
                row("错误的代码", badCheck, "JIANSHE", 12, 5),
                row("专职多于从业", code(OrganizationType.PRIVATE_NON_ENTERPRISE), "JIANSHE", 3, 9),
                row("未知街道", code(OrganizationType.PRIVATE_NON_ENTERPRISE), "火星", 3, 1),
                row("重复代码", good1, "JIANSHE", 3, 1),
                row("", code(OrganizationType.PRIVATE_NON_ENTERPRISE), "JIANSHE", 3, 1),
                row("越秀区长者之家二部", good2, "HUALE", 30, 10).replace("2023/5/8", "2023-05-08")),
                token(Role.COMMITTEE_ADMIN))
                .expectStatus().isOk().expectBody(ImportReport.class).returnResult().getResponseBody();

        assertThat(report.rows()).isEqualTo(7);
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.updated()).isZero();
        assertThat(report.rejected()).extracting(ImportReport.RejectedRow::row).containsExactly(3, 4, 5, 6, 7);
        assertThat(report.rejected().get(0).errors()).extracting(e -> e.field()).containsExactly("creditCode");
        assertThat(report.rejected().get(1).errors()).extracting(e -> e.field()).containsExactly("fullTimeStaff");
        assertThat(report.rejected().get(2).errors()).extracting(e -> e.field()).containsExactly("street");
        assertThat(report.rejected().get(3).errors().get(0).message()).contains("row 2");
        assertThat(report.rejected().get(4).errors()).extracting(e -> e.field()).containsExactly("name");
        assertThat(stored()).isEqualTo(before + 2);

        Organization landed = byCode(good1);
        assertThat(landed.street()).isEqualTo("JIANSHE");
        assertThat(landed.industry()).isEqualTo("ELDERLY_CARE");
        assertThat(landed.type()).isEqualTo(OrganizationType.PRIVATE_NON_ENTERPRISE);
        assertThat(landed.registeredOn()).hasToString("2023-05-08");
        assertThat(landed.address()).isEqualTo("越秀区中山四路1号, 2楼");
        assertThat(landed.legalRepresentative().partyMember()).isTrue();
        assertThat(CloudEventHeaders.read(TopicRecords.await(broker, Topics.REGISTRY_ORGANIZATIONS, landed.id(), 1).get(0)
                .headers()).type()).isEqualTo("partybuilding.OrganizationRegistered");
    }

    @Test
    void rowsWithAKnownCreditCodeUpdateThatOrganizationAndRepeatedRowsChangeNothing() {
        String a = code(OrganizationType.PRIVATE_NON_ENTERPRISE);
        String b = code(OrganizationType.PRIVATE_NON_ENTERPRISE);
        byte[] first = csvWithBom(CHINESE_HEADER, row("甲机构", a, "DATANG", 10, 4), row("乙机构", b, "DATANG", 10, 4));
        upload("first.csv", first, token(Role.DISTRICT_ADMIN)).expectStatus().isOk()
                .expectBody().jsonPath("$.created").isEqualTo(2);
        long before = stored();

        ImportReport again = upload("second.csv", csvWithBom(CHINESE_HEADER, row("甲机构", a, "DATANG", 10, 4),
                row("乙机构（更名）", b, "DATANG", 25, 4)), token(Role.DISTRICT_ADMIN))
                .expectStatus().isOk().expectBody(ImportReport.class).returnResult().getResponseBody();
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(again.rejected()).isEmpty();
        assertThat(stored()).isEqualTo(before);
        assertThat(byCode(a).version()).isEqualTo(1);
        Organization renamed = byCode(b);
        assertThat(renamed.version()).isEqualTo(2);
        assertThat(renamed.name()).isEqualTo("乙机构（更名）");
        assertThat(renamed.employees()).isEqualTo(25);
        assertThat(TopicRecords.await(broker, Topics.REGISTRY_ORGANIZATIONS, renamed.id(), 2)).hasSize(2);
    }

    @Test
    void anXlsxWithEnglishHeadersAndCodesIsImported() {
        String code = code(OrganizationType.FOUNDATION);
        List<Object> row = Arrays.asList("越秀区慈善基金会", code, "FOUNDATION", "CITY", java.time.LocalDate.of(2021, 9, 1), null,
                "CHARITY", "DENGFENG", null, "林华", false, 8, 3, "DIFFICULT");
        Table table = new Table("organizations", List.of("name", "creditCode", "type", "registrationLevel", "registeredOn",
                "supervisoryUnit", "industry", "street", "address", "legalRepresentative.name",
                "legalRepresentative.partyMember", "employees", "fullTimeStaff", "operatingStatus"), List.of(row));
        upload("organizations.xlsx", Spreadsheets.xlsx(table), token(Role.DISTRICT_ADMIN)).expectStatus().isOk()
                .expectBody().jsonPath("$.created").isEqualTo(1).jsonPath("$.rejected.length()").isEqualTo(0);
        Organization landed = byCode(code);
        assertThat(landed.registeredOn()).hasToString("2021-09-01");
        assertThat(landed.operatingStatus()).isEqualTo(OperatingStatus.DIFFICULT);
        assertThat(landed.registrationLevel()).isEqualTo(RegistrationLevel.CITY);
        assertThat(landed.supervisoryUnit()).isNull();
    }

    @Test
    void unreadableFilesAreRefusedWholeAndChangeNothing() {
        long before = stored();
        Table table = new Table("x", List.of("name"), List.of(List.of("甲")));
        byte[] xlsx = Spreadsheets.xlsx(table);
        upload("corrupt.xlsx", Arrays.copyOf(xlsx, xlsx.length / 2), token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("file");

        String withoutStreet = CHINESE_HEADER.replace(",街道", "");
        String good = row("无街道列", code(OrganizationType.PRIVATE_NON_ENTERPRISE), "JIANSHE", 3, 1).replace(",JIANSHE", "");
        upload("no-street.csv", csvWithBom(withoutStreet, good), token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("file")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("街道 (street)"));

        upload("photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xFF, (byte) 0xFE}, token(Role.DISTRICT_ADMIN))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("file");
        upload("empty.csv", new byte[0], token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest();
        web.post().uri("/api/registry/organizations/import").header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(new MultipartBodyBuilder().build())).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        List<String> tooMany = new ArrayList<>(List.of(CHINESE_HEADER));
        for (int i = 0; i < 101; i++) {
            tooMany.add(row("机构" + i, code(OrganizationType.PRIVATE_NON_ENTERPRISE), "JIANSHE", 3, 1));
        }
        upload("many.csv", csvWithBom(tooMany.toArray(String[]::new)), token(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] huge = new byte[70 * 1024];
        Arrays.fill(huge, (byte) 'a');
        upload("huge.csv", huge, token(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(413);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aStreetAdminImportsOnlyIntoItsStreetAndOthersMayNotImport() {
        String other = code(OrganizationType.PRIVATE_NON_ENTERPRISE);
        upload("other.csv", csvWithBom(CHINESE_HEADER, row("东山机构", other, "DONGSHAN", 5, 2)), token(Role.DISTRICT_ADMIN))
                .expectStatus().isOk().expectBody().jsonPath("$.created").isEqualTo(1);
        long before = stored();
        String mine = code(OrganizationType.PRIVATE_NON_ENTERPRISE);
        ImportReport report = upload("street.csv", csvWithBom(CHINESE_HEADER,
                row("建设机构", mine, "JIANSHE", 5, 2),
                row("越界新建", code(OrganizationType.PRIVATE_NON_ENTERPRISE), "DONGSHAN", 5, 2),
                row("越界更新", other, "JIANSHE", 5, 2)), streetAdmin("JIANSHE"))
                .expectStatus().isOk().expectBody(ImportReport.class).returnResult().getResponseBody();
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.rejected()).extracting(ImportReport.RejectedRow::row).containsExactly(3, 4);
        assertThat(report.rejected().get(0).errors().get(0).field()).isEqualTo("street");
        assertThat(stored()).isEqualTo(before + 1);
        assertThat(byCode(other).street()).isEqualTo("DONGSHAN");

        byte[] file = csvWithBom(CHINESE_HEADER, row("审计", code(OrganizationType.PRIVATE_NON_ENTERPRISE), "JIANSHE", 5, 2));
        upload("a.csv", file, token(Role.AUDITOR)).expectStatus().isForbidden();
        upload("a.csv", file, token(Role.FINANCE)).expectStatus().isForbidden();
        upload("a.csv", file, token(Role.BRANCH_SECRETARY)).expectStatus().isForbidden();
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(file)).filename("a.csv");
        web.post().uri("/api/registry/organizations/import").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(parts.build())).exchange().expectStatus().isUnauthorized();
        assertThat(stored()).isEqualTo(before + 1);
    }
}
