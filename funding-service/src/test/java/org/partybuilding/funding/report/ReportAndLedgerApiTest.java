package org.partybuilding.funding.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partybuilding.events.EventType;
import org.partybuilding.funding.FundingApiTestBase;
import org.partybuilding.funding.ledger.LedgerEntry;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.spreadsheet.SheetRows;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.partybuilding.platform.test.Exports;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpHeaders;

/**
 * {@code /api/funding/ledger} and {@code /api/funding/reports} over fiscal year 2005 (this class's):
 * po-r1 (RENMIN, established 2005): start-up grant 1,000.00 and dues 0.20 + 12.35 + 33.33 = 45.88;
 * po-r2 (DONGSHAN, established 2005): start-up grant 1,000.00 and an adjustment of −100.50.
 * The year's ledger: 6 entries, 1,945.38 (RENMIN 1,045.88, DONGSHAN 899.50).
 */
class ReportAndLedgerApiTest extends FundingApiTestBase {

    private static boolean ready;

    @BeforeEach
    void ledger2005() {
        if (ready) {
            return;
        }
        establish("po-r1", "RENMIN", LocalDate.of(2005, 2, 1), "org-r1");
        establish("po-r2", "DONGSHAN", LocalDate.of(2005, 3, 1), "org-r2");
        events.publish(EventType.DUES_PAID, dues("m-r1", "po-r1", "RENMIN", "2005-01", "0.20", LocalDate.of(2005, 2, 3)));
        events.publish(EventType.DUES_PAID, dues("m-r2", "po-r1", "RENMIN", "2005-01", "12.35", LocalDate.of(2005, 2, 3)));
        events.publish(EventType.DUES_PAID, dues("m-r3", "po-r1", "RENMIN", "2005-02", "33.33", LocalDate.of(2005, 3, 3)));
        post("/api/funding/ledger/adjustments", Map.of("partyOrganizationId", "po-r2", "fiscalYear", 2005, "amount", "-100.50",
                "reason", "启动经费多拨，收回 100.50"), bearer(Role.DISTRICT_ADMIN)).expectStatus().isCreated()
                .expectBody().jsonPath("$.kind").isEqualTo("ADJUSTMENT").jsonPath("$.amount").isEqualTo("-100.50")
                .jsonPath("$.street").isEqualTo("DONGSHAN");
        await().atMost(PATIENCE).until(() -> entries(Criteria.where("fiscalYear").is(2005)).size() == 6);
        ready = true;
    }

    @Test
    void theLedgerNamesThePartyOrganizationAndExportsWithinScope() {
        get("/api/funding/ledger?fiscalYear=2005&partyOrganizationId=po-r2", bearer(Role.FINANCE)).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].partyOrganizationName").isEqualTo("中共po-r2支部委员会");

        List<List<String>> csv = Exports.lines(web, "/api/funding/ledger?fiscalYear=2005", bearer(Role.FINANCE), "text/csv");
        assertThat(csv.get(0)).containsExactly("记账日期", "财政年度", "类别", "党组织", "街道", "金额（元）", "党员人数", "调整原因", "记账人");
        List<List<String>> rows = csv.subList(1, csv.size());
        assertThat(rows).hasSize(6);
        assertThat(rows).extracting(r -> r.subList(1, 6)).contains(
                List.of("2005", "调整", "中共po-r2支部委员会", "东山", "-100.50"),
                List.of("2005", "启动经费", "中共po-r1支部委员会", "人民", "1000.00"));
        assertThat(rows.stream().map(r -> new BigDecimal(r.get(5))).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("1945.38");

        List<List<String>> renmin = Exports.lines(web, "/api/funding/ledger?fiscalYear=2005", streetAdmin("RENMIN"),
                Spreadsheets.XLSX.toString());
        assertThat(renmin.subList(1, renmin.size())).hasSize(4).allSatisfy(r -> assertThat(r.get(4)).isEqualTo("人民"));
        web.get().uri("/api/funding/ledger?street=DONGSHAN").header(HttpHeaders.AUTHORIZATION, streetAdmin("RENMIN"))
                .header(HttpHeaders.ACCEPT, "text/csv").exchange().expectStatus().isForbidden();
        web.get().uri("/api/funding/ledger?kind=NOPE").header(HttpHeaders.AUTHORIZATION, bearer(Role.FINANCE))
                .header(HttpHeaders.ACCEPT, "text/csv").exchange().expectStatus().isBadRequest();
    }

    @Test
    void reportTotalsEqualTheLedgerSumInJson() {
        assertThat(sumOfLedger(2005)).isEqualByComparingTo("1945.38");
        get("/api/funding/reports?fiscalYear=2005&groupBy=street", bearer(Role.FINANCE)).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo("1945.38")
                .jsonPath("$.entries").isEqualTo(6)
                .jsonPath("$.rows.length()").isEqualTo(2)
                .jsonPath("$.rows[?(@.key == 'RENMIN')].amount").isEqualTo("1045.88")
                .jsonPath("$.rows[?(@.key == 'RENMIN')].name").isEqualTo("人民")
                .jsonPath("$.rows[?(@.key == 'RENMIN')].duesReturns").isEqualTo("45.88")
                .jsonPath("$.rows[?(@.key == 'DONGSHAN')].amount").isEqualTo("899.50")
                .jsonPath("$.rows[?(@.key == 'DONGSHAN')].adjustments").isEqualTo("-100.50");
        get("/api/funding/reports?fiscalYear=2005&groupBy=kind", bearer(Role.AUDITOR)).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo("1945.38")
                .jsonPath("$.rows[?(@.key == 'STARTUP_GRANT')].amount").isEqualTo("2000.00")
                .jsonPath("$.rows[?(@.key == 'DUES_RETURN')].amount").isEqualTo("45.88")
                .jsonPath("$.rows[?(@.key == 'ADJUSTMENT')].amount").isEqualTo("-100.50");
        get("/api/funding/reports?fiscalYear=2005&groupBy=partyOrganization", bearer(Role.COMMITTEE_ADMIN)).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo("1945.38")
                .jsonPath("$.rows[?(@.key == 'po-r1')].name").isEqualTo("中共po-r1支部委员会")
                .jsonPath("$.rows[?(@.key == 'po-r1')].street").isEqualTo("RENMIN")
                .jsonPath("$.rows[?(@.key == 'po-r1')].amount").isEqualTo("1045.88");
    }

    @Test
    void csvIsUtf8WithABomAndItsTotalsRowEqualsTheLedgerSum() {
        byte[] csv = web.get().uri("/api/funding/reports?fiscalYear=2005&groupBy=street")
                .header(HttpHeaders.AUTHORIZATION, bearer(Role.FINANCE)).header(HttpHeaders.ACCEPT, "text/csv").exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(csv, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines).hasSize(4);
        // the street once (its code, then its name), no repeated column
        assertThat(lines.get(0)).isEqualTo("街道 street,名称 name,笔数 entries,人数 members,启动经费 start-up grants,"
                + "工作经费 annual working funds,党费返还 dues returns,调整 adjustments,金额 amount (yuan)");
        assertThat(lines).contains("RENMIN,人民,4,0,1000.00,0.00,45.88,0.00,1045.88");
        String[] total = lines.get(3).split(",");
        assertThat(total[0]).isEqualTo("合计 total");
        assertThat(new BigDecimal(total[total.length - 1])).isEqualByComparingTo(sumOfLedger(2005));
        BigDecimal rows = lines.subList(1, 3).stream().map(line -> line.split(","))
                .map(cells -> new BigDecimal(cells[cells.length - 1])).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(rows).isEqualByComparingTo("1945.38");
    }

    @Test
    void eachGroupingHasItsOwnColumnsOnce() {
        for (String groupBy : List.of("partyOrganization", "kind")) {
            byte[] csv = web.get().uri("/api/funding/reports?fiscalYear=2005&groupBy=" + groupBy)
                    .header(HttpHeaders.AUTHORIZATION, bearer(Role.FINANCE)).header(HttpHeaders.ACCEPT, "text/csv").exchange()
                    .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
            String header = new String(csv, StandardCharsets.UTF_8).substring(1).lines().findFirst().orElseThrow();
            List<String> columns = List.of(header.split(","));
            assertThat(columns).as(groupBy).doesNotHaveDuplicates();
            assertThat(columns.get(0)).isEqualTo(groupBy.equals("kind") ? "类别 kind" : "党组织 party organization");
            assertThat(columns.get(1)).isEqualTo(groupBy.equals("kind") ? "笔数 entries" : "名称 name");
        }
    }

    @Test
    void xlsxMoneyCellsAreNumbersFormattedWithTwoDecimals() throws Exception {
        byte[] xlsx = web.get().uri("/api/funding/reports?fiscalYear=2005&groupBy=street")
                .header(HttpHeaders.AUTHORIZATION, bearer(Role.FINANCE)).header(HttpHeaders.ACCEPT, Spreadsheets.XLSX.toString())
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx),
                new org.dhatim.fastexcel.reader.ReadingOptions(true, false));
                var sheet = workbook.getFirstSheet().openStream()) {
            List<org.dhatim.fastexcel.reader.Row> rows = sheet.toList();
            org.dhatim.fastexcel.reader.Row total = rows.get(rows.size() - 1);
            org.dhatim.fastexcel.reader.Cell amount = total.getCell(total.getCellCount() - 1);
            assertThat(amount.getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
            assertThat(amount.asNumber()).isEqualByComparingTo("1945.38");
            assertThat(amount.getDataFormatString()).isEqualTo("#,##0.00");
            // counts stay plain numbers
            assertThat(total.getCell(2).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
            assertThat(total.getCell(2).getDataFormatString()).isNotEqualTo("#,##0.00");
        }
    }

    @Test
    void xlsxHasATotalsRowThatEqualsTheLedgerSum() {
        byte[] xlsx = web.get().uri("/api/funding/reports?fiscalYear=2005&groupBy=kind")
                .header(HttpHeaders.AUTHORIZATION, bearer(Role.FINANCE)).header(HttpHeaders.ACCEPT, Spreadsheets.XLSX.toString())
                .exchange().expectStatus().isOk().expectHeader().contentType(Spreadsheets.XLSX)
                .expectBody(byte[].class).returnResult().getResponseBody();
        SheetRows sheet = Spreadsheets.read("report.xlsx", xlsx, 100);
        assertThat(sheet.rows()).hasSize(4);
        List<String> total = sheet.rows().get(3).cells();
        assertThat(total.get(0)).isEqualTo("合计 total");
        assertThat(new BigDecimal(total.get(total.size() - 1))).isEqualByComparingTo(sumOfLedger(2005));
        BigDecimal rows = sheet.rows().subList(0, 3).stream().map(row -> new BigDecimal(row.cells().get(row.cells().size() - 1)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(rows).isEqualByComparingTo("1945.38");
    }

    @Test
    void aStreetAdminSeesItsStreetsRowsOnlyAndASecretaryItsPartyOrganizations() {
        get("/api/funding/reports?fiscalYear=2005&groupBy=street", streetAdmin("RENMIN")).expectStatus().isOk().expectBody()
                .jsonPath("$.rows.length()").isEqualTo(1)
                .jsonPath("$.rows[0].key").isEqualTo("RENMIN")
                .jsonPath("$.total").isEqualTo("1045.88");
        isProblem(get("/api/funding/reports?fiscalYear=2005&street=DONGSHAN", streetAdmin("RENMIN")), 403);
        get("/api/funding/reports?fiscalYear=2005&groupBy=kind", secretaryOf("po-r2")).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo("899.50");

        get("/api/funding/ledger?fiscalYear=2005", streetAdmin("RENMIN")).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(4)
                .jsonPath("$.items[?(@.street != 'RENMIN')]").isEmpty();
        isProblem(get("/api/funding/ledger?fiscalYear=2005&street=DONGSHAN", streetAdmin("RENMIN")), 403);
        get("/api/funding/ledger", secretaryOf("po-r2")).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[?(@.partyOrganizationId != 'po-r2')]").isEmpty();
        isProblem(get("/api/funding/ledger?partyOrganizationId=po-r1", secretaryOf("po-r2")), 403);
    }

    @Test
    void theLedgerListsEntriesByItsFilters() {
        get("/api/funding/ledger?fiscalYear=2005&size=200", bearer(Role.FINANCE)).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(6)
                .jsonPath("$.items[?(@.id == 'STARTUP:po-r1')].amount").isEqualTo("1000.00")
                .jsonPath("$.items[?(@.id == 'STARTUP:po-r1')].kind").isEqualTo("STARTUP_GRANT");
        get("/api/funding/ledger?fiscalYear=2005&kind=DUES_RETURN", bearer(Role.AUDITOR)).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(3);
        get("/api/funding/ledger?fiscalYear=2005&street=DONGSHAN", bearer(Role.DISTRICT_ADMIN)).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(2);
        get("/api/funding/ledger?partyOrganizationId=po-r1&page=1&size=2", bearer(Role.FINANCE)).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(4)
                .jsonPath("$.page").isEqualTo(1)
                .jsonPath("$.items.length()").isEqualTo(2);
        isProblem(get("/api/funding/ledger?kind=GIFT", bearer(Role.FINANCE)), 400);
        isProblem(get("/api/funding/ledger?street=NOWHERE", bearer(Role.FINANCE)), 400);
        isProblem(get("/api/funding/ledger?size=500", bearer(Role.FINANCE)), 400);
        web.get().uri("/api/funding/ledger").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void badReportRequestsAreRefused() {
        isProblem(get("/api/funding/reports?groupBy=street", bearer(Role.FINANCE)), 400);
        isProblem(get("/api/funding/reports?fiscalYear=2005&groupBy=month", bearer(Role.FINANCE)), 400);
        isProblem(get("/api/funding/reports?fiscalYear=2005&street=NOWHERE", bearer(Role.FINANCE)), 400);
        web.get().uri("/api/funding/reports?fiscalYear=2005").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void adjustmentsNeedTheDistrictAdminAReasonAndAnExactNonZeroAmount() {
        long before = entries(Criteria.where("kind").is("ADJUSTMENT")).size();
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("partyOrganizationId", "po-r1", "fiscalYear", 2005, "amount", "10.00"),
                Map.of("partyOrganizationId", "po-r1", "fiscalYear", 2005, "amount", "0.00", "reason", "无"),
                Map.of("partyOrganizationId", "po-r1", "fiscalYear", 2005, "amount", "1.005", "reason", "分以下"),
                Map.of("partyOrganizationId", "po-r1", "amount", "1.00", "reason", "无年度"))) {
            isProblem(post("/api/funding/ledger/adjustments", body, bearer(Role.DISTRICT_ADMIN)), 400);
        }
        post("/api/funding/ledger/adjustments", Map.of("partyOrganizationId", "po-r1", "fiscalYear", 2005, "amount", "10.00"),
                bearer(Role.DISTRICT_ADMIN)).expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        Map<String, Object> valid = Map.of("partyOrganizationId", "po-r1", "fiscalYear", 2005, "amount", "10.00", "reason", "补拨");
        isProblem(post("/api/funding/ledger/adjustments", Map.of("partyOrganizationId", "po-unknown", "fiscalYear", 2005,
                "amount", "10.00", "reason", "补拨"), bearer(Role.DISTRICT_ADMIN)), 404);
        for (Role role : List.of(Role.COMMITTEE_ADMIN, Role.FINANCE, Role.AUDITOR)) {
            isProblem(post("/api/funding/ledger/adjustments", valid, bearer(role)), 403);
        }
        isProblem(post("/api/funding/ledger/adjustments", valid, streetAdmin("RENMIN")), 403);
        assertThat(entries(Criteria.where("kind").is("ADJUSTMENT"))).hasSize((int) before);
        assertThat(entry(LedgerEntry.startupId("po-r1")).amount()).isEqualByComparingTo("1000.00");
    }

    @Test
    void everyEntryKeepsWhoBookedItAndWhyReadableWithinScope() {
        String adjustment = entries(Criteria.where("kind").is("ADJUSTMENT").and("partyOrganizationId").is("po-r2")).get(0).id();
        get("/api/funding/ledger/" + adjustment + "/history", bearer(Role.AUDITOR)).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].action").isEqualTo("ENTRY_BOOKED")
                .jsonPath("$.items[0].actor.roles[0]").isEqualTo("district-admin")
                .jsonPath("$.items[0].reason").isEqualTo("启动经费多拨，收回 100.50")
                .jsonPath("$.items[0].changes[?(@.field == 'amount')].after").isEqualTo(List.of("-100.50"))
                // the totals' bookkeeping is not shown as something booked
                .jsonPath("$.items[0].changes[?(@.field == 'totalled')]").isEmpty();
        String startup = "STARTUP:po-r1";
        get("/api/funding/ledger/" + startup + "/history", streetAdmin("RENMIN")).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].actor.subject").isEqualTo("system:branch.party-organizations");
        get("/api/funding/ledger/" + startup + "/history", streetAdmin("DONGSHAN")).expectStatus().isNotFound();
        get("/api/funding/ledger/" + startup + "/history", secretaryOf("po-r2")).expectStatus().isNotFound();
        get("/api/funding/audit?resource=LedgerEntry&actor=system:member.members", bearer(Role.DISTRICT_ADMIN)).expectStatus().isOk()
                .expectBody().jsonPath("$.total").value(total -> assertThat(((Number) total).intValue()).isGreaterThanOrEqualTo(3));
        get("/api/funding/audit", bearer(Role.FINANCE)).expectStatus().isForbidden();
    }
}
