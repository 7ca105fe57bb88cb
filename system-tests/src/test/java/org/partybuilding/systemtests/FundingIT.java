package org.partybuilding.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partybuilding.events.CloudEventHeaders;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.MemberSnapshot;

import tools.jackson.databind.JsonNode;

/**
 * Funding's money paths through the running platform, with real Keycloak tokens:
 * <ul>
 * <li>rule 14: a party organization established with a date in a closed fiscal year is recorded as pre-existing and
 *     books no start-up grant; the district admin books one by adjustment, and the {@code district-finance} machine
 *     client — a real client-credentials token — reads it in the ledger, the report (JSON and CSV, totals equal to the
 *     ledger) and the forecast through the gateway; it may not change anything;</li>
 * <li>rule 15: an allocation for an earlier fiscal year counts the members as they stood on its snapshot date —
 *     members registered, transferred and left around it — to the fen.</li>
 * </ul>
 * Fiscal years 2024 and 2023 are this class's: nobody else on the shared platform books in them (the demo district's
 * party organizations and the journeys' are established this year).
 */
class FundingIT {

    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    private static PlatformUnderTest platform;
    private static Tokens tokens;
    private static Steps steps;
    private static EventLog events;

    @BeforeAll
    static void startPlatform() {
        // the run's one platform (it may hold the demo district and the journeys' data: nothing here assumes it empty)
        platform = PlatformUnderTest.shared();
        tokens = new Tokens(platform.keycloakUrl());
        // credit code series "FD", ID numbers born in 1951: apart from the other classes' and the demo district's
        steps = new Steps(platform.gatewayUrl(), tokens.user("committee-admin"), "FD", LocalDate.of(1951, 1, 1), "经费党员");
        events = new EventLog(platform.kafkaBootstrapServers());
    }

    private static String api(String path) {
        return platform.gatewayUrl() + path;
    }

    private static LocalDate today() {
        return LocalDate.now(DISTRICT);
    }

    // --- rule 14 --------------------------------------------------------------------------------------------------

    @Test
    void aBackDatedEstablishmentBooksNoGrantTheDistrictAdminBooksOneAndTheMachineClientReadsIt() throws Exception {
        String committeeAdmin = tokens.user("committee-admin");
        String organization = steps.register("越秀区志愿服务协会", "JIANSHE", "CHARITY");
        steps.formalMembers(organization, 1); // an AFFILIATED party organization covers organizations with members (rule 2)
        Map<String, Object> establishment = Map.of("name", "中共越秀区志愿服务协会支部委员会", "type", "BRANCH",
                "formation", "AFFILIATED", "organizationIds", List.of(organization), "street", "JIANSHE",
                "superior", "中共越秀区社会组织工作委员会", "establishedOn", "2024-03-01");
        // branch-service learns of the organization's member by its event
        Http.Response[] created = new Http.Response[1];
        await().atMost(EVENTUAL).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            created[0] = Http.postJson(api("/api/branches"), committeeAdmin, establishment);
            assertThat(created[0].status()).as(created[0].raw().body()).isEqualTo(201);
        });
        String partyOrganizationId = created[0].json().get("id").asString();
        assertThat(created[0].json().get("preExisting").asBoolean()).as("2024 is a closed fiscal year").isTrue();

        String finance = tokens.districtFinanceClient();
        // funding-service has its event: the report of 2024 names it as pre-existing, and no grant was booked
        await().atMost(EVENTUAL).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Http.Response report = Http.get(api("/api/funding/reports?fiscalYear=2024&groupBy=kind"), finance);
            assertThat(report.status()).as(report.raw().body()).isEqualTo(200);
            assertThat(report.raw().body()).contains(partyOrganizationId);
        });
        events.awaitConsumed("funding-service", "branch.party-organizations.v1");
        Http.Response none = Http.get(api("/api/funding/ledger?partyOrganizationId=" + partyOrganizationId), finance);
        assertThat(none.json().get("total").asInt()).as(none.raw().body()).isZero();
        Http.Response policy = Http.get(api("/api/funding/policies/2024"), finance);
        assertThat(policy.json().get("closed").asBoolean()).isTrue();

        // the district admin books the grant by adjustment; committee-admin may not
        Map<String, Object> grant = Map.of("partyOrganizationId", partyOrganizationId, "fiscalYear", 2024, "amount", "1000.00",
                "reason", "既有党组织，经区委组织部同意补拨启动经费");
        assertThat(Http.postJson(api("/api/funding/ledger/adjustments"), committeeAdmin, grant).status()).isEqualTo(403);
        Http.Response adjusted = Http.postJson(api("/api/funding/ledger/adjustments"), tokens.user("district-admin"), grant);
        assertThat(adjusted.status()).as(adjusted.raw().body()).isEqualTo(201);

        Http.Response ledger = Http.get(api("/api/funding/ledger?partyOrganizationId=" + partyOrganizationId), finance);
        assertThat(ledger.status()).as(ledger.raw().body()).isEqualTo(200);
        assertThat(ledger.json().get("total").asInt()).isEqualTo(1);
        JsonNode entry = ledger.json().get("items").get(0);
        assertThat(entry.get("kind").asString()).isEqualTo("ADJUSTMENT");
        assertThat(entry.get("amount").asString()).isEqualTo("1000.00");
        assertThat(entry.get("fiscalYear").asInt()).isEqualTo(2024);

        Http.Response report = Http.get(api("/api/funding/reports?fiscalYear=2024&groupBy=street"), finance);
        assertThat(report.status()).as(report.raw().body()).isEqualTo(200);
        assertThat(report.json().get("total").asString()).isEqualTo("1000.00");

        HttpResponse<byte[]> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(api("/api/funding/reports?fiscalYear=2024&groupBy=kind")))
                .header("Authorization", "Bearer " + finance).header("Accept", "text/csv").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.statusCode()).isEqualTo(200);
        byte[] body = csv.body();
        assertThat(new byte[] {body[0], body[1], body[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList();
        String[] totals = lines.stream().filter(line -> line.startsWith("合计")).findFirst().orElseThrow().split(",");
        assertThat(new BigDecimal(totals[totals.length - 1])).isEqualByComparingTo("1000.00");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(partyOrganizationId + ",")); // its pre-existing section

        Http.Response forecast = Http.get(api("/api/funding/forecast?fiscalYear=" + (today().getYear() + 1)), finance);
        assertThat(forecast.status()).as(forecast.raw().body()).isEqualTo(200);
        assertThat(forecast.json().get("perMemberYuan").asString()).isEqualTo("100.00");

        // finance reads; it never books.
        Http.Response refused = Http.postJson(api("/api/funding/allocations"), finance,
                Map.of("fiscalYear", 2022, "snapshotDate", "2022-06-30"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    // --- rule 15 --------------------------------------------------------------------------------------------------

    /**
     * Two branches of street DADONG that existed before 2023, their members, then (today) one registered into one of
     * them, one transferred from it to the other, one who left it on 2023-05-01; the 2023 allocation on 2023-06-30
     * counts each member where member-service's events say it stood that day. The expected figure is computed from
     * those events by the event contract (the day a member was placed is {@code partyOrganizationSince}, or the day
     * of the event that placed it when the event carries no date), so the test holds whatever dates member-service
     * records — and fails if funding counted members as they stand now (it would fund all of them).
     */
    @Test
    void anAllocationForAnEarlierYearCountsTheMembersOfItsSnapshotDateToTheFen() {
        LocalDate snapshot = LocalDate.of(2023, 6, 30);
        String a = steps.register("越秀区大东街旧邻里互助会", "DADONG", "SOCIAL_SERVICE");
        String b = steps.register("越秀区大东街旧长者服务中心", "DADONG", "ELDERLY_CARE");
        List<String> ofA = steps.formalMembers(a, 4);
        List<String> ofB = steps.formalMembers(b, 3);
        // branch-service counts them from member-service's events (rule 1: a SINGLE one needs 3 formal members)
        await().atMost(EVENTUAL).untilAsserted(() -> assertThat(gaps(a, b)).containsExactly("SHOULD_FORM_SINGLE", "SHOULD_FORM_SINGLE"));
        String branchA = steps.establishSingle(a, "中共越秀区大东街旧邻里互助会支部委员会", "DADONG", LocalDate.of(2023, 1, 10))
                .json().get("id").asString();
        String branchB = steps.establishSingle(b, "中共越秀区大东街旧长者服务中心支部委员会", "DADONG", LocalDate.of(2022, 5, 1))
                .json().get("id").asString();
        await().atMost(EVENTUAL).untilAsserted(() -> {
            assertThat(ids("/api/members?partyOrganizationId=" + branchA)).containsExactlyInAnyOrderElementsOf(ofA);
            assertThat(ids("/api/members?partyOrganizationId=" + branchB)).containsExactlyInAnyOrderElementsOf(ofB);
        });

        // around the snapshot date: one registered into A (placed today), one transferred from A to B, one who left A
        String newcomer = steps.formalMembers(a, 1).get(0);
        String mover = ofA.get(0);
        String leaver = ofA.get(1);
        Http.Response transfer = Http.postJson(api("/api/members/" + mover + "/transfers"), tokens.user("committee-admin"),
                Map.of("kind", "OUT", "toPartyOrganizationId", branchB));
        assertThat(transfer.status()).as(transfer.raw().body()).isEqualTo(201);
        Http.Response completed = Http.postJson(api("/api/members/transfers/" + transfer.json().get("transfer").get("id").asString()
                + "/completion"), tokens.user("committee-admin"), Map.of());
        assertThat(completed.status()).as(completed.raw().body()).isEqualTo(200);
        Http.Response left = Http.postJson(api("/api/members/" + leaver + "/stage-transitions"), tokens.user("committee-admin"),
                Map.of("to", "LEFT", "on", "2023-05-01", "reason", "出国定居，本人申请"));
        assertThat(left.status()).as(left.raw().body()).isEqualTo(200);

        // member-service's events of these members, once they show what was done; funding-service has consumed them
        List<String> ours = new ArrayList<>(ofA);
        ours.addAll(ofB);
        ours.add(newcomer);
        Map<String, List<Told>> told = new HashMap<>();
        await().atMost(EVENTUAL).pollInterval(Duration.ofSeconds(1)).until(() -> {
            told.clear();
            told.putAll(eventsOf(Set.copyOf(ours)));
            return last(told, mover).partyOrganizationId().equals(branchB) && last(told, leaver).status().equals("LEFT")
                    && branchA.equals(last(told, newcomer).partyOrganizationId());
        });
        events.awaitConsumed("funding-service", "member.members.v1");
        events.awaitConsumed("funding-service", "branch.party-organizations.v1");

        Map<String, Integer> expected = new HashMap<>(Map.of(branchA, 0, branchB, 0));
        for (String member : ours) {
            String where = countedOn(told.get(member), snapshot);
            if (where != null) {
                expected.merge(where, 1, Integer::sum);
            }
        }
        System.out.println("[funding] members counted on " + snapshot + " by member-service's dated events: A " + expected.get(branchA)
                + ", B " + expected.get(branchB));

        Http.Response run = Http.postJson(api("/api/funding/allocations"), tokens.user("district-admin"),
                Map.of("fiscalYear", 2023, "snapshotDate", snapshot.toString()));
        assertThat(run.status()).as(run.raw().body()).isEqualTo(201);
        for (String branch : List.of(branchA, branchB)) {
            int members = expected.get(branch);
            List<String> booked = annualFunds(branch);
            if (members == 0) {
                assertThat(booked).as(branch + ": nobody counted on " + snapshot).isEmpty();
            } else {
                assertThat(booked).as(branch).containsExactly(new BigDecimal(members * 100).setScale(2).toPlainString());
            }
        }
        // and never a member placed after the snapshot date, nor one who had left by then
        assertThat(countedOn(told.get(newcomer), snapshot)).isNull();
        assertThat(countedOn(told.get(leaver), snapshot)).isNotEqualTo(branchA);
        // a snapshot date in the future is refused
        Http.Response future = Http.postJson(api("/api/funding/allocations"), tokens.user("district-admin"),
                Map.of("fiscalYear", 2099, "snapshotDate", "2099-01-15"));
        assertThat(future.status()).isEqualTo(400);
    }

    /** One member event as the contract carries it: version, state, dates, and the day of the event. */
    private record Told(long version, String partyOrganizationId, LocalDate partyOrganizationSince, String status,
            LocalDate statusSince, String stage, LocalDate admittedOn, LocalDate on) {
    }

    private static Map<String, List<Told>> eventsOf(Set<String> members) {
        Map<String, List<Told>> told = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : events.read("member.members.v1")) {
            if (!members.contains(record.key())) {
                continue;
            }
            var attributes = CloudEventHeaders.read(record.headers());
            if (!attributes.type().endsWith("Registered") && !attributes.type().endsWith("Updated")
                    && !attributes.type().endsWith("StageChanged") && !attributes.type().endsWith("Transferred")
                    && !attributes.type().endsWith("Left")) {
                continue; // dues payments
            }
            MemberSnapshot m = EventCodec.decode(record.value(), MemberSnapshot.class);
            told.computeIfAbsent(m.id(), id -> new ArrayList<>()).add(new Told(m.version(), m.partyOrganizationId(),
                    m.partyOrganizationSince(), m.status(), m.statusSince(), m.stage(), m.admittedOn(),
                    LocalDate.ofInstant(attributes.time(), DISTRICT)));
        }
        told.values().forEach(list -> list.sort(Comparator.comparingLong(Told::version)));
        return told;
    }

    private static Told last(Map<String, List<Told>> told, String member) {
        List<Told> list = told.getOrDefault(member, List.of());
        return list.isEmpty() ? new Told(0, "", null, "", null, "", null, null) : list.get(list.size() - 1);
    }

    /**
     * Where the member counted on {@code day} by the event contract: in the party organization it was placed in on or
     * before that day (placed: {@code partyOrganizationSince}, else the day of the first event showing it there) and
     * not yet placed elsewhere; a formal or probationary member admitted by then; not left by then ({@code statusSince}
     * of the first event showing it left, else that event's day).
     */
    private static String countedOn(List<Told> history, LocalDate day) {
        Told now = history.get(history.size() - 1);
        if (!(now.stage().equals("FORMAL") || now.stage().equals("PROBATIONARY"))
                || (now.admittedOn() != null && now.admittedOn().isAfter(day))) {
            return null;
        }
        String where = null;
        String placedIn = null;
        for (Told event : history) {
            if (!"ACTIVE".equals(event.status())) {
                LocalDate leftOn = event.statusSince() != null ? event.statusSince() : event.on();
                return leftOn.isAfter(day) ? where : null;
            }
            if (event.partyOrganizationId() != null && !event.partyOrganizationId().equals(placedIn)) {
                placedIn = event.partyOrganizationId();
                LocalDate placedOn = event.partyOrganizationSince() != null ? event.partyOrganizationSince() : event.on();
                if (!placedOn.isAfter(day)) {
                    where = placedIn;
                }
            }
        }
        return where;
    }

    /** The coverage gaps of these organizations, in their order. */
    private static List<String> gaps(String... organizations) {
        Http.Response coverage = Http.get(api("/api/branches/coverage?street=DADONG"), tokens.user("committee-admin"));
        assertThat(coverage.status()).as(coverage.raw().body()).isEqualTo(200);
        List<String> reasons = new ArrayList<>();
        for (String organization : organizations) {
            for (JsonNode gap : coverage.json().get("gaps")) {
                if (gap.hasNonNull("organizationId") && organization.equals(gap.get("organizationId").asString())) {
                    reasons.add(gap.get("reason").asString());
                }
            }
        }
        return reasons;
    }

    private static List<String> ids(String path) {
        Http.Response page = Http.get(api(path), tokens.user("committee-admin"));
        assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static List<String> annualFunds(String partyOrganization) {
        Http.Response ledger = Http.get(api("/api/funding/ledger?fiscalYear=2023&kind=ANNUAL_WORKING_FUNDS&partyOrganizationId="
                + partyOrganization), tokens.user("finance"));
        assertThat(ledger.status()).as(ledger.raw().body()).isEqualTo(200);
        List<String> amounts = new ArrayList<>();
        ledger.json().get("items").forEach(item -> amounts.add(item.get("amount").asString()));
        return amounts;
    }
}
