package org.partybuilding.member.timing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.partybuilding.member.MemberApiTestBase;
import org.partybuilding.member.MemberFixtures;
import org.partybuilding.member.development.Stage;
import org.partybuilding.member.development.StageDates;
import org.partybuilding.member.dues.DuesPayment;
import org.partybuilding.member.dues.PaidMonths;
import org.partybuilding.member.members.Gender;
import org.partybuilding.member.members.IncomeCategory;
import org.partybuilding.member.members.Member;
import org.partybuilding.member.members.MemberDirectory;
import org.partybuilding.member.members.MemberStatus;
import org.partybuilding.member.members.MobileMembership;
import org.partybuilding.member.members.Transfer;
import org.partybuilding.platform.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

/**
 * A timing harness, not a test: loads 100,000 members (the bench's stage mix, dues paid by some, a few mobile, flagged,
 * transferred and gone members) straight into the database and the directory (the payments counted as a payment
 * recorded through the API is), then times the inbox and the annual
 * report through WebTestClient {@code -Dtiming.rounds} times (4) and prints the times. Never asserts a time; runs only
 * when asked: {@code ./mvnw verify -pl member-service -Dtest=BenchScaleTiming -Dtiming=true
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dtiming.members=40000]}; 100,000 members need a larger heap than the tests'
 * 768 MB: {@code "-Dtest.jvm=-Xmx3g -XX:+UseSerialGC -XX:TieredStopAtLevel=1"}.
 */
@Tag("timing")
@EnabledIfSystemProperty(named = "timing", matches = "true")
// The outbox relay's poll (every 100 ms in tests) reads every member and payment on this unindexed in-process server
// (no index serves its $exists): a third of the machine, whatever is timed. Polled rarely here; writes still wake it.
@TestPropertySource(properties = "platform.outbox.poll-interval=10m")
class BenchScaleTiming extends MemberApiTestBase {

    private static final int MEMBERS = Integer.getInteger("timing.members", 100_000);
    private static final int ROUNDS = Integer.getInteger("timing.rounds", 4);
    private static final int ORGANIZATIONS = 10_000;
    private static final String[] STREETS = {"HUANGHUAGANG", "DATANG", "BEIJINGLU", "NONGLIN", "DONGSHAN"};
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    MemberDirectory directory;

    @Autowired
    org.springframework.core.env.Environment environment;

    @Autowired
    PaidMonths paidMonths;

    @Test
    void inboxAndAnnualAtBenchScale() {
        long start = System.nanoTime();
        load();
        System.out.printf(Locale.ROOT, "TIMING load %d members: %.1f s (outbox poll %s, max heap %d MB)%n", MEMBERS,
                (System.nanoTime() - start) / 1e9, environment.getProperty("platform.outbox.poll-interval"),
                Runtime.getRuntime().maxMemory() >> 20);
        String admin = MemberFixtures.token(Role.DISTRICT_ADMIN);
        String street = MemberFixtures.streetAdmin(STREETS[0]);
        String secretary = MemberFixtures.secretary("po-7");
        for (int round = 0; round < ROUNDS; round++) {
            time("inbox district-admin", () -> get("/api/members/inbox", admin));
            time("inbox street-admin", () -> get("/api/members/inbox", street));
            time("inbox branch-secretary", () -> get("/api/members/inbox", secretary));
            time("annual district-admin", () -> get("/api/members/reports/annual?year=" + TODAY.getYear(), admin));
            time("annual street-admin", () -> get("/api/members/reports/annual?year=" + TODAY.getYear(), street));
        }
        System.out.println("TIMING inbox answer: " + head(get("/api/members/inbox?limit=3", admin)));
        System.out.println("TIMING annual answer: " + get("/api/members/reports/annual?year=" + TODAY.getYear(), admin));
    }

    private static String head(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }

    private String get(String uri, String bearer) {
        // the code before issue 26's fixes took longer than the default 30 s for the district-wide inbox
        return web.mutate().responseTimeout(java.time.Duration.ofMinutes(5)).build().get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static void time(String what, Supplier<String> call) {
        long start = System.nanoTime();
        String body = call.get();
        System.out.printf(Locale.ROOT, "TIMING %-24s %8.0f ms (%d bytes)%n", what, (System.nanoTime() - start) / 1e6, body.length());
    }

    private void load() {
        List<Member> batch = new ArrayList<>();
        List<DuesPayment> payments = new ArrayList<>();
        Instant now = Instant.now();
        YearMonth current = YearMonth.from(TODAY);
        for (int n = 0; n < MEMBERS; n++) {
            Stage stage;
            StageDates dates;
            switch (n % 10) {
                case 0 -> {
                    stage = Stage.APPLICANT;
                    dates = new StageDates(LocalDate.of(2025, 3, 1), null, null, null, null);
                }
                case 1 -> {
                    stage = Stage.ACTIVIST;
                    dates = new StageDates(LocalDate.of(2023, 3, 1), LocalDate.of(2024, 3, 1), null, null, null);
                }
                case 2 -> {
                    stage = Stage.DEVELOPMENT_TARGET;
                    dates = new StageDates(LocalDate.of(2022, 3, 1), LocalDate.of(2023, 3, 1), LocalDate.of(2024, 6, 1), null, null);
                }
                case 3 -> {
                    stage = Stage.PROBATIONARY;
                    dates = new StageDates(LocalDate.of(2021, 3, 1), LocalDate.of(2022, 3, 1), LocalDate.of(2023, 6, 1),
                            LocalDate.of(2025, 9, 1), null);
                }
                default -> {
                    stage = Stage.FORMAL;
                    dates = new StageDates(LocalDate.of(2010, 3, 1), LocalDate.of(2011, 3, 1), LocalDate.of(2012, 6, 1),
                            LocalDate.of(2013, 7, 1), LocalDate.of(2014, 7, 1));
                }
            }
            int org = n % ORGANIZATIONS;
            String id = "m-" + n;
            MemberStatus status = n % 97 == 5 ? MemberStatus.LEFT : n % 89 == 6 ? MemberStatus.TRANSFERRED_OUT : MemberStatus.ACTIVE;
            List<Transfer> transfers = new ArrayList<>();
            if (status == MemberStatus.TRANSFERRED_OUT) {
                transfers.add(new Transfer("t-" + n, Transfer.TransferKind.OUT_OF_DISTRICT, "po-" + org, null, "外区", null,
                        Transfer.TransferState.COMPLETED, TODAY.minusMonths(2), TODAY.minusMonths(1), null, now));
            } else if (n % 83 == 7) {
                transfers.add(new Transfer("t-" + n, Transfer.TransferKind.IN, null, "po-" + org, null, "外区",
                        Transfer.TransferState.COMPLETED, TODAY.minusMonths(3), TODAY.minusMonths(2), null, now));
            }
            MobileMembership mobile = n % 53 == 8 ? new MobileMembership("外地党支部", null, TODAY.minusMonths(7 + n % 5), n % 2 == 0)
                    : null;
            Member m = new Member(id, 1, "成员" + n, n % 2 == 0 ? Gender.MALE : Gender.FEMALE, LocalDate.of(1980, 1, 1), "sealed",
                    "hash-" + n, "sealed", "本科", "org-" + org, STREETS[org % STREETS.length], "po-" + org, stage, dates, null, null,
                    mobile, new BigDecimal("5000.00"), IncomeCategory.EMPLOYED, status,
                    status == MemberStatus.LEFT ? TODAY.minusMonths(1) : null, n % 101 == 9, transfers, LocalDate.of(2025, 6, 1),
                    LocalDate.of(2025, 6, 1), now, now, List.of(), List.of());
            batch.add(m);
            if (stage.partyMember() && n % 3 == 0) {
                for (int back = 1; back <= 4; back++) {
                    String month = current.minusMonths(back).toString();
                    payments.add(new DuesPayment(DuesPayment.id(id, month), 1, id, "po-" + org, m.street(), month,
                            new BigDecimal("25.00"), new BigDecimal("25.00"), current.minusMonths(back).atDay(5), "bench", now,
                            List.of()));
                }
            }
            if (stage.partyMember() && n % 30 == 1) {
                // paid once, long ago: in arrears since
                String month = current.minusMonths(9).toString();
                payments.add(new DuesPayment(DuesPayment.id(id, month), 1, id, "po-" + org, m.street(), month,
                        new BigDecimal("25.00"), new BigDecimal("25.00"), current.minusMonths(9).atDay(5), "bench", now, List.of()));
            }
            if (batch.size() == 500) {
                flush(batch, payments);
            }
        }
        flush(batch, payments);
    }

    private void flush(List<Member> batch, List<DuesPayment> payments) {
        mongo.insertAll(batch).then().block();
        if (!payments.isEmpty()) {
            mongo.insertAll(payments).then().block();
            // counted as MemberDues counts a payment, so every instance's months paid take them in
            paidMonths.counted(payments.stream().map(DuesPayment::id).toList()).block();
        }
        batch.forEach(directory::put);
        batch.clear();
        payments.clear();
    }
}
