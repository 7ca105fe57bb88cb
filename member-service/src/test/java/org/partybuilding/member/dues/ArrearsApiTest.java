package org.partybuilding.member.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partybuilding.member.MemberFixtures.body;
import static org.partybuilding.member.MemberFixtures.registered;
import static org.partybuilding.member.MemberFixtures.secretary;
import static org.partybuilding.member.MemberFixtures.streetAdmin;
import static org.partybuilding.member.MemberFixtures.token;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partybuilding.member.MemberApiTestBase;
import org.partybuilding.member.MemberFixtures;
import org.partybuilding.member.members.Member;
import org.partybuilding.member.reports.ArrearsEntry;
import org.partybuilding.platform.security.Role;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.partybuilding.platform.web.PageResponse;

/** Rule 11's arrears: owed from the later of admission and coming under the platform; the arrears list and its exports. */
class ArrearsApiTest extends MemberApiTestBase {

    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    private static final YearMonth THIS_MONTH = YearMonth.now(DISTRICT);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @BeforeEach
    void context() {
        MemberFixtures.organization(events, mongo, "org-arrears", "LIUHUA");
        MemberFixtures.organization(events, mongo, "org-arrears-other", "DADONG");
        MemberFixtures.partyOrganization(events, mongo, "po-arrears", "org-arrears");
    }

    /** A formal member admitted in 2019 (the example), employed at {@code organizationId}, registered today. */
    private String admittedIn2019(String organizationId, String name) {
        Map<String, Object> body = body(organizationId);
        body.putAll(Map.of("name", name, "stage", "FORMAL", "appliedOn", "2017-03-01", "activistOn", "2017-06-01",
                "targetOn", "2018-06-01", "admittedOn", "2019-03-15", "confirmedOn", "2020-03-15"));
        return registered(web, body);
    }

    /** As if the member had been registered {@code months} months ago (test set-up), then touched so every view reads it again. */
    private void underThePlatformSince(String id, int months) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("onPlatformSince", THIS_MONTH.minusMonths(months).atDay(10)), Member.class).block();
        long version = mongo.findById(id, Member.class).block().version();
        web.patch().uri("/api/members/" + id).header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN))
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("education", "硕士")).exchange().expectStatus().isOk();
    }

    private List<ArrearsEntry> arrears(String bearer, String query) {
        return web.get().uri("/api/members/reports/arrears?size=200" + query).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<PageResponse<ArrearsEntry>>() { }).returnResult()
                .getResponseBody().items();
    }

    private void pay(String id, YearMonth month) {
        web.post().uri("/api/members/" + id + "/dues-payments").header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("month", month.toString(), "amount", "200.00"))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void aMemberRegisteredTodayWithAnOldAdmissionOwesNothingYet() {
        String id = admittedIn2019("org-arrears", "今日登记");
        web.get().uri("/api/members/" + id + "/dues?month=" + THIS_MONTH).header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.unpaidMonths").isEqualTo(0).jsonPath("$.arrears").isEqualTo(false);
        web.get().uri("/api/members/" + id).header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.onPlatformSince").isEqualTo(LocalDate.now(DISTRICT).toString());
        assertThat(arrears(token(Role.DISTRICT_ADMIN), "")).extracting(ArrearsEntry::memberId).doesNotContain(id);
    }

    @Test
    void theArrearsListHasTheMembersWithSixUnpaidMonthsSinceTheyCameUnderThePlatform() {
        String eight = admittedIn2019("org-arrears", "八个月");
        underThePlatformSince(eight, 8);
        String five = admittedIn2019("org-arrears", "五个月");
        underThePlatformSince(five, 5);
        String paidLately = admittedIn2019("org-arrears", "近期已缴");
        underThePlatformSince(paidLately, 10);
        pay(paidLately, THIS_MONTH.minusMonths(3));
        String elsewhere = admittedIn2019("org-arrears-other", "另一街道");
        underThePlatformSince(elsewhere, 9);

        web.get().uri("/api/members/" + eight + "/dues?month=" + THIS_MONTH).header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.unpaidMonths").isEqualTo(8).jsonPath("$.arrears").isEqualTo(true);
        List<ArrearsEntry> all = arrears(token(Role.COMMITTEE_ADMIN), "");
        assertThat(all).extracting(ArrearsEntry::memberId).contains(eight, elsewhere).doesNotContain(five, paidLately);
        assertThat(all).filteredOn(e -> e.memberId().equals(eight)).singleElement().satisfies(e -> {
            assertThat(e.unpaidMonths()).isEqualTo(8);
            assertThat(e.owedFrom()).isEqualTo(THIS_MONTH.minusMonths(8));
            assertThat(e.unpaidSince()).isEqualTo(THIS_MONTH.minusMonths(8));
            assertThat(e.lastPaid()).isNull();
            assertThat(e.partyOrganizationId()).isEqualTo("po-arrears");
        });
        // the longest unpaid first
        assertThat(all.indexOf(all.stream().filter(e -> e.memberId().equals(elsewhere)).findFirst().orElseThrow()))
                .isLessThan(all.indexOf(all.stream().filter(e -> e.memberId().equals(eight)).findFirst().orElseThrow()));

        // scope: a street admin its street, a secretary its party organization, finance nothing
        assertThat(arrears(streetAdmin("LIUHUA"), "")).extracting(ArrearsEntry::memberId).contains(eight).doesNotContain(elsewhere);
        assertThat(arrears(secretary("po-arrears"), "")).extracting(ArrearsEntry::memberId).contains(eight).doesNotContain(elsewhere);
        assertThat(arrears(token(Role.AUDITOR), "&street=DADONG")).extracting(ArrearsEntry::memberId).contains(elsewhere)
                .doesNotContain(eight);
        web.get().uri("/api/members/reports/arrears?street=DADONG").header(HttpHeaders.AUTHORIZATION, streetAdmin("LIUHUA"))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/members/reports/arrears").header(HttpHeaders.AUTHORIZATION, token(Role.FINANCE))
                .exchange().expectStatus().isForbidden();

        // exports: CSV with a BOM, XLSX
        String csv = new String(web.get().uri("/api/members/reports/arrears?street=LIUHUA").header(HttpHeaders.AUTHORIZATION,
                token(Role.AUDITOR)).accept(MediaType.parseMediaType("text/csv")).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF姓名").contains("八个月").contains("流花").doesNotContain("五个月").doesNotContain("另一街道");
        byte[] xlsx = web.get().uri("/api/members/reports/arrears").header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR))
                .accept(MediaType.parseMediaType(XLSX)).exchange().expectStatus().isOk().expectBody(byte[].class).returnResult()
                .getResponseBody();
        assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

        // paying a month in the last six ends the arrears
        pay(eight, THIS_MONTH.minusMonths(1));
        assertThat(arrears(token(Role.COMMITTEE_ADMIN), "")).extracting(ArrearsEntry::memberId).doesNotContain(eight);
    }

    @Test
    void theLastMonthPaidIsTheSameWhetherFewOrManyOlderPaymentsAreStored() {
        String id = admittedIn2019("org-arrears", "久未缴纳");
        underThePlatformSince(id, 12);
        pay(id, THIS_MONTH.minusMonths(9));
        assertThat(arrears(token(Role.COMMITTEE_ADMIN), "")).filteredOn(e -> e.memberId().equals(id)).singleElement()
                .satisfies(e -> {
                    assertThat(e.lastPaid()).isEqualTo(THIS_MONTH.minusMonths(9));
                    assertThat(e.unpaidSince()).isEqualTo(THIS_MONTH.minusMonths(8));
                    assertThat(e.unpaidMonths()).isEqualTo(8);
                });
        // other members' payments (stored, not recorded through the API) change nothing of this member's
        List<DuesPayment> older = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String month = THIS_MONTH.minusMonths(7 + i % 5).toString();
            older.add(new DuesPayment(DuesPayment.id("someone-" + i, month), 1, "someone-" + i, "po-other", "DADONG", month,
                    new java.math.BigDecimal("10.00"), new java.math.BigDecimal("10.00"), LocalDate.now(DISTRICT), "test",
                    java.time.Instant.now(), List.of()));
        }
        mongo.insertAll(older).then().block();
        assertThat(arrears(token(Role.COMMITTEE_ADMIN), "")).filteredOn(e -> e.memberId().equals(id)).singleElement()
                .satisfies(e -> {
                    assertThat(e.lastPaid()).isEqualTo(THIS_MONTH.minusMonths(9));
                    assertThat(e.unpaidSince()).isEqualTo(THIS_MONTH.minusMonths(8));
                });
    }
}
