package org.partybuilding.funding.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partybuilding.events.EventType;
import org.partybuilding.funding.FundingApiTestBase;
import org.partybuilding.funding.FundingServiceApplication;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.SecondInstance;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two funding-service instances on one database and one broker, as two replicas run: whichever of them booked an entry
 * (an event it consumed, an adjustment posted to it) and whichever is asked, the reports, the forecast and the
 * allocation's figures are the same, read from MongoDB. Redelivered events and an instance stopped between an entry's
 * insert and its totals change no total.
 */
class TwoInstancesApiTest extends FundingApiTestBase {

    private static final int YEAR = 2013;
    @RegisterExtension
    static final SecondInstance.PerClass second = SecondInstance.perClass(FundingServiceApplication.class);

    private WebTestClient.ResponseSpec onSecond(String path, String bearer) {
        return second.web().get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
    }

    private String body(WebTestClient.ResponseSpec response) {
        return new String(response.expectStatus().isOk().expectBody().returnResult().getResponseBodyContent(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void bothInstancesAnswerTheSameReportWhicheverBookedAndRedeliveriesAddNothing() {
        establish("po-two-1", "HONGQIAO", LocalDate.of(YEAR, 2, 1), "org-two-1");
        establish("po-two-2", "GUANGTA", LocalDate.of(YEAR, 3, 1), "org-two-2");
        members("m-two", 3, "org-two-1", "po-two-1", "HONGQIAO", "FORMAL", LocalDate.of(2000, 1, 1));

        // an adjustment posted to each instance
        second.web().post().uri("/api/funding/ledger/adjustments").header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .bodyValue(Map.of("partyOrganizationId", "po-two-2", "fiscalYear", YEAR, "amount", "-100.50", "reason", "收回多拨"))
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.partyOrganizationName").isEqualTo("中共po-two-2支部委员会");
        post("/api/funding/ledger/adjustments", Map.of("partyOrganizationId", "po-two-1", "fiscalYear", YEAR, "amount", "20.00",
                "reason", "补拨"), bearer(Role.DISTRICT_ADMIN)).expectStatus().isCreated();
        // the allocation run on the second instance counts the members the first consumed
        second.web().post().uri("/api/funding/allocations").header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .bodyValue(Map.of("fiscalYear", YEAR, "snapshotDate", YEAR + "-06-30")).exchange().expectStatus().isCreated();
        // dues, three times over
        var paid = dues("m-two-0", "po-two-1", "HONGQIAO", YEAR + "-04", "12.35", LocalDate.of(YEAR, 4, 3));
        for (int i = 0; i < 3; i++) {
            events.publish(EventType.DUES_PAID, paid);
        }
        Criteria ours = Criteria.where("fiscalYear").is(YEAR).and("partyOrganizationId").in("po-two-1", "po-two-2");
        await().atMost(PATIENCE).until(() -> entries(ours).size() == 6);

        // (the context's other tests book into this year too: every instance must show theirs as well)
        for (String groupBy : List.of("street", "partyOrganization", "kind")) {
            String path = "/api/funding/reports?fiscalYear=" + YEAR + "&groupBy=" + groupBy;
            assertThat(body(onSecond(path, bearer(Role.FINANCE)))).as(groupBy).isEqualTo(body(get(path, bearer(Role.FINANCE))));
        }
        // HONGQIAO: grant 1,000.00 + working funds 3 × 100.00 + dues 12.35 (once) + 20.00; GUANGTA: 1,000.00 − 100.50
        for (var street : Map.of("HONGQIAO", "1332.35", "GUANGTA", "899.50").entrySet()) {
            String path = "/api/funding/reports?fiscalYear=" + YEAR + "&groupBy=kind&street=" + street.getKey();
            for (WebTestClient.ResponseSpec answer : List.of(get(path, bearer(Role.FINANCE)), onSecond(path, bearer(Role.FINANCE)))) {
                answer.expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(street.getValue());
            }
        }
        String annual = "/api/funding/reports/annual?year=" + YEAR;
        assertThat(body(onSecond(annual, bearer(Role.FINANCE)))).isEqualTo(body(get(annual, bearer(Role.FINANCE))));
        String forecast = "/api/funding/forecast?fiscalYear=" + YEAR + "&street=HONGQIAO";
        assertThat(body(onSecond(forecast, bearer(Role.FINANCE)))).isEqualTo(body(get(forecast, bearer(Role.FINANCE))))
                .contains("\"members\":3");
        assertThat(entry(LedgerEntry.annualId(YEAR, "po-two-1")).members()).isEqualTo(3);
        // asking either instance again answers the run as booked
        String repeat = body(post("/api/funding/allocations", Map.of("fiscalYear", YEAR, "snapshotDate", YEAR + "-06-30"),
                bearer(Role.DISTRICT_ADMIN)));
        assertThat(new String(second.web().post().uri("/api/funding/allocations").header(HttpHeaders.AUTHORIZATION,
                        bearer(Role.DISTRICT_ADMIN)).bodyValue(Map.of("fiscalYear", YEAR, "snapshotDate", YEAR + "-06-30")).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(repeat);

        // the dues' cell holds the payment once
        Document cell = mongo.findById(LedgerTotals.cellId(new LedgerTotals.Key(YEAR, EntryKind.DUES_RETURN, "HONGQIAO", "po-two-1")),
                Document.class, LedgerTotals.COLLECTION).block();
        assertThat(cell.get("entries", Number.class).longValue()).isEqualTo(1);
        assertThat(cell.get("fen", Number.class).longValue()).isEqualTo(1235);
    }

    @Test
    void anEntryLeftUntotalledByAStoppedInstanceIsAddedOnceByTheRedeliveryOrTheSweep() {
        int year = YEAR + 1;
        establish("po-two-3", "HONGQIAO", LocalDate.of(2000, 1, 1), "org-two-3");
        // An instance stored these entries and stopped before adding them to the totals: the dues just now (the sweep
        // leaves it alone for a while), the adjustment a minute ago.
        insertUntotalled("DUES:left-by-event", "po-two-3", "HONGQIAO", year, "7.00", Instant.now());
        insertUntotalled("ADJUSTMENT:left-by-request", "po-two-3", "HONGQIAO", year, "5.00", Instant.now().minus(Duration.ofMinutes(1)));
        String path = "/api/funding/reports?fiscalYear=" + year + "&groupBy=kind&street=HONGQIAO";

        // The dues' event comes again: already booked, so it books nothing, but adds the entry to the totals.
        events.publish(EventType.DUES_PAID, new org.partybuilding.events.DuesPaymentSnapshot("left-by-event", 1, "m-left",
                "po-two-3", "HONGQIAO", year + "-01", "7.00", LocalDate.of(year, 1, 5)));
        await().atMost(PATIENCE).untilAsserted(() -> get(path, bearer(Role.FINANCE)).expectBody().jsonPath("$.total").isEqualTo("7.00"));

        // The adjustment's request is not repeated: the sweep (each instance's, every 30 s, or this one) adds what was
        // left, and only that, however often it runs.
        totals.sweep().block();
        assertThat(totals.sweep().block()).isZero();
        events.publish(EventType.DUES_PAID, new org.partybuilding.events.DuesPaymentSnapshot("left-by-event", 1, "m-left",
                "po-two-3", "HONGQIAO", year + "-01", "7.00", LocalDate.of(year, 1, 5)));
        for (WebTestClient.ResponseSpec answer : List.of(get(path, bearer(Role.FINANCE)), onSecond(path, bearer(Role.FINANCE)))) {
            answer.expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo("12.00").jsonPath("$.entries").isEqualTo(2);
        }
    }

    @Test
    void aRunStoppedHalfWayIsFinishedByItsNextRequestAndTheOtherInstancesSweepAtOnceAndEachEntryCountsOnce() {
        int year = YEAR + 2;
        // (a street and dates of its own: the context's other tests allocate years before, and count streets of theirs)
        LocalDate established = LocalDate.of(year, 1, 2);
        establish("po-half-1", "ZHUGUANG", established, "org-half-1");
        establish("po-half-2", "ZHUGUANG", established, "org-half-2");
        establish("po-half-3", "ZHUGUANG", established, "org-half-3");
        members("m-half-1", 2, "org-half-1", "po-half-1", "ZHUGUANG", "FORMAL", established);
        members("m-half-2", 3, "org-half-2", "po-half-2", "ZHUGUANG", "FORMAL", established);
        members("m-half-3", 1, "org-half-3", "po-half-3", "ZHUGUANG", "PROBATIONARY", established);
        // An instance began the run three minutes ago and stopped: two of its three entries stored (totalled, as a run
        // stores them: its BOOKING stands for them), the first one's cell written, the second's not, the third not stored.
        Instant began = Instant.now().minus(Duration.ofMinutes(3));
        mongo.insert(new org.partybuilding.funding.allocation.AllocationRun(year, LocalDate.of(year, 6, 30), new BigDecimal("100.00"),
                org.partybuilding.funding.allocation.AllocationRun.Status.BOOKING, began, "admin-stopped", null)).block();
        insertEntry(LedgerEntry.annualId(year, "po-half-1"), "po-half-1", "ZHUGUANG", year, "200.00", began, 2, true);
        insertEntry(LedgerEntry.annualId(year, "po-half-2"), "po-half-2", "ZHUGUANG", year, "300.00", began, 3, true);
        mongo.insert(new Document("_id", LedgerTotals.cellId(new LedgerTotals.Key(year, EntryKind.ANNUAL_WORKING_FUNDS, "ZHUGUANG",
                        "po-half-1"))).append("fiscalYear", year).append("kind", EntryKind.ANNUAL_WORKING_FUNDS.name())
                .append("street", "ZHUGUANG").append("partyOrganizationId", "po-half-1").append("entries", 1L).append("fen", 20000L)
                .append("members", 2L).append("entryId", LedgerEntry.annualId(year, "po-half-1")), LedgerTotals.COLLECTION).block();

        // At once: the run asked again on the first instance, the second instance's sweep finishing the runs left
        // unfinished, and both sweeping untotalled entries. Each finishes the run or finds it finished (entries and
        // cells inserted anew or found there), and every entry counts once.
        Map<String, Object> run = Map.of("fiscalYear", year, "snapshotDate", year + "-06-30");
        LedgerTotals secondTotals = second.bean(LedgerTotals.class);
        java.util.concurrent.atomic.AtomicInteger status = new java.util.concurrent.atomic.AtomicInteger();
        reactor.core.publisher.Mono.when(
                reactor.core.publisher.Mono.fromRunnable(() -> status.set(post("/api/funding/allocations", run, bearer(Role.DISTRICT_ADMIN))
                        .returnResult(Void.class).getStatus().value())).subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()),
                second.bean(org.partybuilding.funding.allocation.Allocations.class).finishStale(),
                totals.sweep(), secondTotals.sweep()).block(PATIENCE);
        assertThat(status.get()).isEqualTo(200);
        assertThat(totals.sweep().block()).isZero();
        assertThat(secondTotals.sweep().block()).isZero();

        // (the run counts the context's other tests' party organizations too: the figures are checked per party organization,
        // and the report's total against the ledger's sum)
        String path = "/api/funding/reports?fiscalYear=" + year + "&groupBy=partyOrganization";
        for (WebTestClient.ResponseSpec answer : List.of(get(path, bearer(Role.FINANCE)), onSecond(path, bearer(Role.FINANCE)))) {
            var body = answer.expectStatus().isOk().expectBody();
            for (var expected : Map.of("po-half-1", "200.00", "po-half-2", "300.00", "po-half-3", "100.00").entrySet()) {
                body.jsonPath("$.rows[?(@.key == '" + expected.getKey() + "')].annualWorkingFunds").isEqualTo(List.of(expected.getValue()));
            }
            body.jsonPath("$.total").isEqualTo(org.partybuilding.funding.money.Money.format(sumOfLedger(year)));
        }
        String repeat = body(allocate(year, year + "-06-30", bearer(Role.DISTRICT_ADMIN)));
        assertThat(repeat).contains("\"status\":\"COMPLETED\"");
        assertThat(body(second.web().post().uri("/api/funding/allocations").header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .bodyValue(run).exchange())).isEqualTo(repeat);
        List<LedgerEntry> ours = entries(Criteria.where("fiscalYear").is(year).and("kind").is(EntryKind.ANNUAL_WORKING_FUNDS)
                .and("partyOrganizationId").in("po-half-1", "po-half-2", "po-half-3"));
        assertThat(ours).hasSize(3).allSatisfy(entry -> assertThat(entry.totalled()).isTrue());
        // one cell per party organization, each holding its entry once, and no array of entry ids in them
        List<Document> cells = mongo.find(org.springframework.data.mongodb.core.query.Query.query(Criteria.where("fiscalYear").is(year)
                .and("kind").is(EntryKind.ANNUAL_WORKING_FUNDS.name()).and("partyOrganizationId").in("po-half-1", "po-half-2", "po-half-3")),
                Document.class, LedgerTotals.COLLECTION).collectList().block();
        assertThat(cells).hasSize(3).allSatisfy(cell -> {
            assertThat(cell.get("entries", Number.class).longValue()).isEqualTo(1);
            assertThat(cell).doesNotContainKey("entryIds");
        });
    }

    @Test
    void aMemberConsumedByOneInstanceCountsInTheRunOnTheOtherRightAfterThoughItsCopyWasBuiltBefore() {
        int year = 2018;
        // (established in the year: the context's other tests allocate years before and count every party organization)
        LocalDate established = LocalDate.of(year, 1, 2);
        establish("po-copy-1", "ZHUGUANG", established, "org-copy-1");
        members("m-copy", 2, "org-copy-1", "po-copy-1", "ZHUGUANG", "FORMAL", established);
        // both instances build their copy of the dated memberships now (the reconciliation counts from it)
        for (WebTestClient.ResponseSpec answer : List.of(get("/api/funding/reconciliation?fiscalYear=" + year, bearer(Role.DISTRICT_ADMIN)),
                onSecond("/api/funding/reconciliation?fiscalYear=" + year, bearer(Role.DISTRICT_ADMIN)))) {
            answer.expectStatus().isOk();
        }
        // this instance consumes one more member (what its listener does with the event), the other runs right after
        state.apply(view(member("m-copy-late", 1, "org-copy-1", "po-copy-1", "ZHUGUANG", "FORMAL", "ACTIVE",
                established))).block();
        second.web().post().uri("/api/funding/allocations").header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .bodyValue(Map.of("fiscalYear", year, "snapshotDate", year + "-06-30")).exchange().expectStatus().isCreated();
        assertThat(entry(LedgerEntry.annualId(year, "po-copy-1")).members()).isEqualTo(3);
    }

    @Test
    void aReportRightAfterABookingOnTheOtherInstanceHoldsItThoughItsCopyOfTheTotalsWasBuiltBefore() {
        int year = 2009;
        establish("po-fresh-1", "DONGSHAN", LocalDate.of(year, 1, 2), "org-fresh-1");
        String path = "/api/funding/reports?fiscalYear=" + year + "&groupBy=partyOrganization";
        String ours = "$.rows[?(@.key == 'po-fresh-1')]";
        // both instances' copies of the totals built, holding the grant
        await().atMost(PATIENCE).untilAsserted(() -> get(path, bearer(Role.FINANCE)).expectBody().jsonPath(ours + ".amount")
                .isEqualTo(List.of("1000.00")));
        onSecond(path, bearer(Role.FINANCE)).expectBody().jsonPath(ours + ".amount").isEqualTo(List.of("1000.00"));

        // an adjustment posted to the first: the second's very next report holds it (its cell's step is counted)
        post("/api/funding/ledger/adjustments", Map.of("partyOrganizationId", "po-fresh-1", "fiscalYear", year, "amount", "30.00",
                "reason", "补拨"), bearer(Role.DISTRICT_ADMIN)).expectStatus().isCreated();
        onSecond(path, bearer(Role.FINANCE)).expectStatus().isOk().expectBody().jsonPath(ours + ".amount").isEqualTo(List.of("1030.00"))
                .jsonPath(ours + ".adjustments").isEqualTo(List.of("30.00"));

        // A larger write (as an allocation run's thousands of cells) is counted as one step for its year, which the
        // other instance reads again whole: here 150 start-up grants of a year of their own added by the first.
        int bulkYear = 1990;
        LedgerTotals secondTotals = second.bean(LedgerTotals.class);
        assertThat(secondTotals.ofYear(bulkYear).block()).isEmpty();
        List<LedgerEntry> grants = java.util.stream.IntStream.range(0, LedgerTotals.CELL_STEPS_UP_TO + 50)
                .mapToObj(i -> LedgerEntry.book(LedgerEntry.startupId("po-bulk-" + i), EntryKind.STARTUP_GRANT, "po-bulk-" + i,
                        i % 2 == 0 ? "DONGSHAN" : "HONGQIAO", bulkYear, new BigDecimal("1000.00"), "test", null, "test", null,
                        Instant.now(), "test").totalledByItsBooking())
                .toList();
        totals.addAll(grants).block();
        assertThat(secondTotals.ofYear(bulkYear).block()).hasSize(grants.size());
        assertThat(secondTotals.total(bulkYear, EntryKind.STARTUP_GRANT).block().yuan()).isEqualByComparingTo("150000.00");
        assertThat(secondTotals.cells(bulkYear, "DONGSHAN", null).block()).hasSize(grants.size() / 2);
        // added again (a run finished twice): held already, nothing changes
        totals.addAll(grants).block();
        assertThat(secondTotals.total(bulkYear, EntryKind.STARTUP_GRANT).block().entries()).isEqualTo(grants.size());
    }

    /** An entry as {@code Ledger.book} inserts it, {@code totalled: false}; with {@code totalled}, as an allocation run does. */
    private void insertUntotalled(String id, String partyOrganizationId, String street, int year, String amount, Instant bookedAt) {
        insertEntry(id, partyOrganizationId, street, year, amount, bookedAt, null, false);
    }

    private void insertEntry(String id, String partyOrganizationId, String street, int year, String amount, Instant bookedAt,
            Integer members, boolean totalled) {
        EntryKind kind = id.startsWith("DUES:") ? EntryKind.DUES_RETURN : id.startsWith("ANNUAL:") ? EntryKind.ANNUAL_WORKING_FUNDS
                : EntryKind.ADJUSTMENT;
        mongo.insert(new Document("_id", id).append("version", 1L).append("kind", kind.name())
                .append("partyOrganizationId", partyOrganizationId).append("street", street).append("fiscalYear", year)
                .append("amount", new Decimal128(new BigDecimal(amount))).append("bookedAt", java.util.Date.from(bookedAt))
                .append("members", members).append("totalled", totalled), LedgerEntry.COLLECTION).block();
    }
}
