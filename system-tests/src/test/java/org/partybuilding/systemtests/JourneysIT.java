package org.partybuilding.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.partybuilding.local.demo.IdentityCodes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The issue 8 journeys through the gateway with real Keycloak tokens, each checking every service it touches.
 * They share the run's platform with the other classes, so they look at their own organizations and at changes,
 * never at district totals. Steps that check funding-service are marked {@code FUNDING}; they always run, so a
 * funding outage (a ledger that does not answer, a grant never booked) fails the journey.
 */
@Order(3)
@TestMethodOrder(MethodOrderer.MethodName.class)
class JourneysIT {

    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    private static final Duration EVENTUAL = Duration.ofSeconds(60);
    private static PlatformUnderTest platform;
    private static Tokens tokens;
    private static String admin;
    private static Steps steps;

    @BeforeAll
    static void platform() {
        platform = PlatformUnderTest.shared();
        tokens = new Tokens(platform.keycloakUrl());
        admin = tokens.user("committee-admin");
        // Credit code series "JR" and ID numbers born in 1950: apart from the other classes' and the demo district's.
        steps = new Steps(platform.gatewayUrl(), admin, "JR", LocalDate.of(1950, 1, 1), "旅程党员");
    }

    // --- journey 1 ------------------------------------------------------------------------------------------------

    @Test
    void j1_aNewOrganizationWithThreeFormalMembersGetsItsSingleBranchAndTheGapGoes() {
        String organization = register("越秀区旅程一科技促进会", "JIANSHE");
        await().atMost(EVENTUAL).untilAsserted(() -> assertThat(gapsFor(organization)).containsExactly("NEEDS_INSTRUCTOR"));

        List<String> members = formalMembers(organization, 3);
        await().atMost(EVENTUAL).untilAsserted(() -> assertThat(gapsFor(organization)).containsExactly("SHOULD_FORM_SINGLE"));

        String branch = establishSingle(organization, "中共越秀区旅程一科技促进会支部委员会", "JIANSHE");
        // member-service assigns the organization's members; branch-service counts them; the registry's ledger shows both
        await().atMost(EVENTUAL).untilAsserted(() -> {
            assertThat(ids(get("/api/members?partyOrganizationId=" + branch))).containsExactlyInAnyOrderElementsOf(members);
            assertThat(get("/api/branches/" + branch).get("members").get("formal").asInt()).isEqualTo(3);
            assertThat(gapsFor(organization)).isEmpty();
            JsonNode ledger = ledgerRow(organization);
            assertThat(ledger.get("partyOrganization").get("id").asString()).isEqualTo(branch);
            assertThat(ledger.get("members").get("formal").asInt()).isEqualTo(3);
        });
        JsonNode coverage = get("/api/branches/coverage?street=JIANSHE");
        assertThat(coverage.get("coveredBySingle").asInt()).isPositive();

        // FUNDING: the start-up grant once, in the year of establishment (this one, open: rule 14)
        await().atMost(EVENTUAL).untilAsserted(() -> assertThat(amounts(branch, "STARTUP_GRANT")).containsExactly("1000.00"));
        assertThat(ledgerYears(branch, "STARTUP_GRANT")).containsExactly(today().getYear());
        assertThat(get("/api/branches/" + branch).get("preExisting").asBoolean()).isFalse();
    }

    // --- journey 2 ------------------------------------------------------------------------------------------------

    @Test
    void j2_threeOrganizationsWithOneMemberEachAreProposedAndCoveredByAJointBranch() {
        List<String> organizations = new ArrayList<>();
        List<String> members = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            String organization = register("越秀区旅程二养老服务社" + "甲乙丙".charAt(n - 1), "HUALE", "ELDERLY_CARE");
            organizations.add(organization);
            members.addAll(formalMembers(organization, 1));
        }
        await().atMost(EVENTUAL).untilAsserted(() -> {
            JsonNode coverage = get("/api/branches/coverage");
            for (String organization : organizations) {
                assertThat(gapsFor(coverage, organization)).containsExactly("NEEDS_JOINT");
            }
        });
        // the joint plan proposes every one of them (with other organizations of the street, if it has some)
        List<String> proposed = new ArrayList<>();
        for (JsonNode proposal : get("/api/branches/coverage/joint-plan?street=HUALE").get("proposals")) {
            assertThat(proposal.get("street").asString()).isEqualTo("HUALE");
            proposal.get("organizations").forEach(o -> proposed.add(o.get("organizationId").asString()));
        }
        assertThat(proposed).containsAll(organizations);
        int jointBefore = get("/api/branches/coverage").get("coveredByJoint").asInt();

        Map<String, Object> body = new HashMap<>();
        body.put("name", "中共越秀区华乐街养老服务社联合支部委员会");
        body.put("type", "BRANCH");
        body.put("formation", "JOINT");
        body.put("organizationIds", organizations);
        body.put("street", "HUALE");
        body.put("industry", "ELDERLY_CARE");
        body.put("superior", "中共广州市越秀区社会组织委员会");
        body.put("establishedOn", today().toString());
        Http.Response established = Http.postJson(api("/api/branches"), admin, body);
        assertThat(established.status()).as(established.raw().body()).isEqualTo(201);
        String joint = established.json().get("id").asString();

        await().atMost(EVENTUAL).untilAsserted(() -> {
            assertThat(ids(get("/api/members?partyOrganizationId=" + joint))).containsExactlyInAnyOrderElementsOf(members);
            assertThat(get("/api/branches/" + joint).get("members").get("formal").asInt()).isEqualTo(3);
            JsonNode coverage = get("/api/branches/coverage");
            assertThat(coverage.get("coveredByJoint").asInt()).isEqualTo(jointBefore + 3);
            for (String organization : organizations) {
                assertThat(gapsFor(coverage, organization)).isEmpty();
                assertThat(ledgerRow(organization).get("partyOrganization").get("formation").asString()).isEqualTo("JOINT");
            }
        });
        // FUNDING: one start-up grant for the joint branch
        await().atMost(EVENTUAL).untilAsserted(() -> assertThat(amounts(joint, "STARTUP_GRANT")).containsExactly("1000.00"));
    }

    // --- journey 3 ------------------------------------------------------------------------------------------------

    @Test
    void j3_aDeregisteredOrganizationsBranchIsDissolvedAndItsMembersTransferred() {
        String organization = register("越秀区旅程三文化研究会", "DONGSHAN");
        List<String> members = formalMembers(organization, 3);
        await().atMost(EVENTUAL).untilAsserted(() -> assertThat(gapsFor(organization)).containsExactly("SHOULD_FORM_SINGLE"));
        String branch = establishSingle(organization, "中共越秀区旅程三文化研究会支部委员会", "DONGSHAN");
        String receiving = register("越秀区旅程三接收单位服务中心", "DONGSHAN");
        List<String> receivingMembers = formalMembers(receiving, 3);
        await().atMost(EVENTUAL).untilAsserted(() -> assertThat(gapsFor(receiving)).containsExactly("SHOULD_FORM_SINGLE"));
        String target = establishSingle(receiving, "中共越秀区旅程三接收单位服务中心支部委员会", "DONGSHAN");
        await().atMost(EVENTUAL).untilAsserted(() -> {
            assertThat(ids(get("/api/members?partyOrganizationId=" + branch))).containsExactlyInAnyOrderElementsOf(members);
            assertThat(ids(get("/api/members?partyOrganizationId=" + target))).containsExactlyInAnyOrderElementsOf(receivingMembers);
        });
        int activeBefore = get("/api/branches/coverage").get("activeOrganizations").asInt();

        Http.Response deregistered = Http.postJson(api("/api/registry/organizations/" + organization + "/deregistration"), admin,
                Map.of("date", today().toString(), "reason", "自行解散，完成注销登记"));
        assertThat(deregistered.status()).as(deregistered.raw().body()).isEqualTo(200);
        await().atMost(EVENTUAL).untilAsserted(() -> {
            JsonNode coverage = get("/api/branches/coverage");
            assertThat(gapsFor(coverage, organization)).containsExactly("DEREGISTERED_WITH_ACTIVE_PARTY_ORGANIZATION");
            assertThat(coverage.get("activeOrganizations").asInt()).isEqualTo(activeBefore - 1);
        });

        Http.Response dissolved = Http.postJson(api("/api/branches/" + branch + "/dissolution"), admin,
                Map.of("date", today().toString(), "reason", "所在社会组织注销"));
        assertThat(dissolved.status()).as(dissolved.raw().body()).isEqualTo(200);
        await().atMost(EVENTUAL).untilAsserted(() -> {
            assertThat(ids(get("/api/members?transferRequired=true&partyOrganizationId=" + branch)))
                    .containsExactlyInAnyOrderElementsOf(members);
            assertThat(gapsFor(organization)).isEmpty();
            assertThat(ledgerRow(organization).get("partyOrganization").isNull()).isTrue();
        });

        for (String member : members) {
            Http.Response requested = Http.postJson(api("/api/members/" + member + "/transfers"), admin,
                    Map.of("kind", "OUT", "toPartyOrganizationId", target));
            assertThat(requested.status()).as(requested.raw().body()).isEqualTo(201);
            String transfer = requested.json().get("transfer").get("id").asString();
            Http.Response completed = Http.postJson(api("/api/members/transfers/" + transfer + "/completion"), admin, Map.of());
            assertThat(completed.status()).as(completed.raw().body()).isEqualTo(200);
        }
        await().atMost(EVENTUAL).untilAsserted(() -> {
            List<String> all = new ArrayList<>(members);
            all.addAll(receivingMembers);
            assertThat(ids(get("/api/members?partyOrganizationId=" + target))).containsExactlyInAnyOrderElementsOf(all);
            assertThat(get("/api/members?transferRequired=true&partyOrganizationId=" + branch).get("total").asInt()).isZero();
            assertThat(get("/api/branches/" + target).get("members").get("formal").asInt()).isEqualTo(6);
            assertThat(ledgerRow(receiving).get("partyOrganization").get("id").asString()).isEqualTo(target);
        });
        assertThat(get("/api/branches/" + branch).get("status").asString()).isEqualTo("DISSOLVED");
    }

    // --- journey 4 ------------------------------------------------------------------------------------------------

    @Test
    void j4_anActivistBecomesTargetIsTrainedAdmittedAndConfirmedFormal() {
        String organization = register("越秀区旅程四教育培训中心", "LIURONG");
        List<String> formal = formalMembers(organization, 3);
        // Fixed dates: applied 2020, activist 2021, target 2022, trained 2022, admitted 2023, confirmed formal 2024.
        String activist = person(organization, "ACTIVIST", Map.of("appliedOn", "2020-03-01", "activistOn", "2021-03-01"));
        await().atMost(EVENTUAL).untilAsserted(() -> assertThat(gapsFor(organization)).containsExactly("SHOULD_FORM_SINGLE"));
        String branch = establishSingle(organization, "中共越秀区旅程四教育培训中心支部委员会", "LIURONG");
        await().atMost(EVENTUAL).untilAsserted(() -> assertThat(ids(get("/api/members?partyOrganizationId=" + branch)))
                .containsExactlyInAnyOrderElementsOf(List.of(formal.get(0), formal.get(1), formal.get(2), activist)));

        transition(activist, "DEVELOPMENT_TARGET", LocalDate.of(2022, 3, 1));
        // without 24 hours of development-target training there is no admission (rule 8)
        Http.Response early = Http.postJson(api("/api/members/" + activist + "/stage-transitions"), admin,
                Map.of("to", "PROBATIONARY", "on", "2023-03-01"));
        assertThat(early.status()).as(early.raw().body()).isEqualTo(422);
        assertThat(early.raw().body()).contains("RULE_8_DEVELOPMENT_TARGET_TRAINING_HOURS");

        Map<String, Object> session = new HashMap<>();
        session.put("title", "发展对象集中培训");
        session.put("kind", "DEVELOPMENT_TARGET_TRAINING");
        session.put("organizer", "中共广州市越秀区社会组织委员会");
        session.put("startsOn", "2022-03-31");
        session.put("endsOn", "2022-04-02");
        session.put("hours", "24");
        Http.Response created = Http.postJson(api("/api/training/sessions"), admin, session);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String sessionId = created.json().get("id").asString();
        await().atMost(EVENTUAL).untilAsserted(() -> {
            Http.Response attended = Http.postJson(api("/api/training/sessions/" + sessionId + "/attendance"), admin,
                    Map.of("memberIds", List.of(activist)));
            assertThat(attended.status()).as(attended.raw().body()).isEqualTo(200);
        });
        // member-service learns the hours from training-service's event
        await().atMost(EVENTUAL).untilAsserted(() -> transition(activist, "PROBATIONARY", LocalDate.of(2023, 3, 1)));
        transition(activist, "FORMAL", LocalDate.of(2024, 3, 1));

        JsonNode member = get("/api/members/" + activist);
        assertThat(member.get("stage").asString()).isEqualTo("FORMAL");
        assertThat(member.get("confirmedOn").asString()).isEqualTo("2024-03-01");
        await().atMost(EVENTUAL).untilAsserted(() -> {
            assertThat(get("/api/branches/" + branch).get("members").get("formal").asInt()).isEqualTo(4);
            assertThat(get("/api/training/members/" + activist + "/records").toString()).contains(sessionId);
            assertThat(ledgerRow(organization).get("members").get("formal").asInt()).isEqualTo(4);
        });
    }

    // --- journey 5 ------------------------------------------------------------------------------------------------

    @Test
    void j5_duesPaidAreReturnedInFullAndFinancePullsTheReport() {
        String organization = register("越秀区旅程五会计服务中心", "BAIYUN");
        List<String> members = formalMembers(organization, 3);
        await().atMost(EVENTUAL).untilAsserted(() -> assertThat(gapsFor(organization)).containsExactly("SHOULD_FORM_SINGLE"));
        String branch = establishSingle(organization, "中共越秀区旅程五会计服务中心支部委员会", "BAIYUN");
        await().atMost(EVENTUAL).untilAsserted(() ->
                assertThat(ids(get("/api/members?partyOrganizationId=" + branch))).containsExactlyInAnyOrderElementsOf(members));
        String month = java.time.YearMonth.from(today()).minusMonths(1).toString();

        // rule 11: 5,600 yuan after tax, employed → 1.5 % = 84.00 a month
        JsonNode due = get("/api/members/" + members.get(0) + "/dues?month=" + month);
        assertThat(due.get("amount").asString()).isEqualTo("84.00");
        Http.Response tooLittle = Http.postJson(api("/api/members/" + members.get(0) + "/dues-payments"), admin,
                Map.of("month", month, "amount", "80.00"));
        assertThat(tooLittle.status()).isEqualTo(422);
        assertThat(tooLittle.raw().body()).contains("RULE_11_DUES_AMOUNT");
        for (String member : members) {
            Http.Response paid = Http.postJson(api("/api/members/" + member + "/dues-payments"), admin,
                    Map.of("month", month, "amount", "84.00"));
            assertThat(paid.status()).as(paid.raw().body()).isEqualTo(201);
        }
        Http.Response twice = Http.postJson(api("/api/members/" + members.get(0) + "/dues-payments"), admin,
                Map.of("month", month, "amount", "84.00"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.header("Content-Type")).startsWith("application/problem+json");
        assertThat(get("/api/members/" + members.get(1) + "/dues?month=" + month).get("paid").get("amount").asString())
                .isEqualTo("84.00");

        // FUNDING: returned in full to the branch; district finance's machine client pulls the report
        await().atMost(EVENTUAL).untilAsserted(() -> assertThat(amounts(branch, "DUES_RETURN"))
                .containsExactlyInAnyOrder("84.00", "84.00", "84.00"));
        String finance = tokens.districtFinanceClient();
        String report = "/api/funding/reports?fiscalYear=" + today().getYear() + "&groupBy=partyOrganization";
        Http.Response json = Http.get(api(report), finance);
        assertThat(json.status()).as(json.raw().body()).isEqualTo(200);
        java.math.BigDecimal rows = java.math.BigDecimal.ZERO;
        for (JsonNode row : json.json().get("rows")) {
            rows = rows.add(new java.math.BigDecimal(row.get("amount").asString()));
        }
        assertThat(rows).isEqualByComparingTo(json.json().get("total").asString());
        HttpResponse<byte[]> csv = download(api(report), finance, "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String text = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF").contains(json.json().get("total").asString());
        HttpResponse<byte[]> xlsx = download(api(report), finance,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
    }

    // --- journey 6 ------------------------------------------------------------------------------------------------

    @Test
    void j6_aStreetAdminAndABranchSecretarySeeExactlyTheirScope() {
        String own = register("越秀区旅程六建设街慈善会", "JIANSHE");
        String other = register("越秀区旅程六东山街慈善会", "DONGSHAN");
        List<String> ownMembers = formalMembers(own, 3);
        List<String> otherMembers = formalMembers(other, 3);
        await().atMost(EVENTUAL).untilAsserted(() -> {
            assertThat(gapsFor(own)).containsExactly("SHOULD_FORM_SINGLE");
            assertThat(gapsFor(other)).containsExactly("SHOULD_FORM_SINGLE");
        });
        String ownBranch = establishSingle(own, "中共越秀区旅程六建设街慈善会支部委员会", "JIANSHE");
        String otherBranch = establishSingle(other, "中共越秀区旅程六东山街慈善会支部委员会", "DONGSHAN");
        await().atMost(EVENTUAL).untilAsserted(() -> {
            assertThat(ids(get("/api/members?partyOrganizationId=" + ownBranch))).containsExactlyInAnyOrderElementsOf(ownMembers);
            assertThat(ids(get("/api/members?partyOrganizationId=" + otherBranch))).containsExactlyInAnyOrderElementsOf(otherMembers);
        });
        String ownActivity = recordActivity(ownBranch, ownMembers);
        String otherActivity = recordActivity(otherBranch, otherMembers);

        // street admin of JIANSHE: its street in every list and report, another street's records 404, asking for it 403
        String street = tokens.user("street-admin");
        for (String list : List.of("/api/registry/organizations?size=200&q=旅程六", "/api/registry/ledger?size=200&q=旅程六",
                "/api/members?size=200", "/api/branches?size=200", "/api/branches/coverage", "/api/training/activities?size=200")) {
            Http.Response response = Http.get(api(list), street);
            assertThat(response.status()).as(list + " " + response.raw().body()).isEqualTo(200);
            assertThat(response.raw().body()).as(list).doesNotContain(other, otherBranch, otherMembers.get(0), otherActivity)
                    .doesNotContain("\"DONGSHAN\"");
        }
        assertThat(Http.get(api("/api/registry/organizations?size=200&q=旅程六"), street).raw().body()).contains(own);
        assertThat(Http.get(api("/api/branches?size=200"), street).raw().body()).contains(ownBranch);
        assertThat(Http.get(api("/api/members?size=200&partyOrganizationId=" + ownBranch), street).raw().body()).contains(ownMembers.get(0));
        assertThat(Http.get(api("/api/training/activities?size=200"), street).raw().body()).contains(ownActivity);
        assertThat(Http.get(api("/api/branches/coverage"), street).json().get("byStreet")).hasSize(1);
        for (String read : List.of("/api/registry/organizations/" + other, "/api/members/" + otherMembers.get(0),
                "/api/branches/" + otherBranch)) {
            assertThat(Http.get(api(read), street).status()).as(read).isIn(403, 404);
        }
        for (String report : List.of("/api/registry/organizations?street=DONGSHAN", "/api/branches/coverage?street=DONGSHAN",
                "/api/members?street=DONGSHAN")) {
            assertThat(Http.get(api(report), street).status()).as(report).isEqualTo(403);
        }

        // branch secretary of the JIANSHE branch: its own party organization, members and activities only
        pointBranchSecretaryAt(ownBranch);
        String secretary = tokens.user("branch-secretary");
        Http.Response branches = Http.get(api("/api/branches?size=200"), secretary);
        assertThat(branches.status()).isEqualTo(200);
        assertThat(ids(branches.json())).containsExactly(ownBranch);
        Http.Response members = Http.get(api("/api/members?size=200"), secretary);
        assertThat(members.status()).isEqualTo(200);
        assertThat(ids(members.json())).containsExactlyInAnyOrderElementsOf(ownMembers);
        Http.Response activities = Http.get(api("/api/training/activities?size=200"), secretary);
        assertThat(activities.status()).isEqualTo(200);
        assertThat(ids(activities.json())).containsExactly(ownActivity);
        assertThat(Http.get(api("/api/branches/" + otherBranch), secretary).status()).isIn(403, 404);
        assertThat(Http.get(api("/api/members/" + otherMembers.get(0)), secretary).status()).isIn(403, 404);
        for (String forbidden : List.of("/api/registry/organizations", "/api/branches/coverage")) {
            assertThat(Http.get(api(forbidden), secretary).status()).as(forbidden).isEqualTo(403);
        }
    }

    // --- journey 8 (issue 19): a member registered after the establishment -------------------------------------------

    /**
     * Rule 7a across the event: a formal member registered into an organization whose party organization is already
     * established belongs to it at once; branch-service counts the member (rules 1, 2, coverage) and funding-service
     * counts the member for the working funds (its forecast counts the members of party organizations). A street admin
     * naming another street's party organization for a member of its own street is refused (422, rule 7a).
     */
    @Test
    void j8_aMemberRegisteredAfterTheEstablishmentIsPlacedAtOnceAndCountedByBranchAndFunding() {
        String street = "KUANGQUAN";
        String finance = tokens.user("finance");
        int year = today().getYear() + 1;
        long forecastBefore = forecastMembers(finance, year, street);
        String organization = register("越秀区旅程八社区服务中心", street, "SOCIAL_SERVICE");
        List<String> founders = formalMembers(organization, 3);
        await().atMost(EVENTUAL).untilAsserted(() -> assertThat(gapsFor(organization)).containsExactly("SHOULD_FORM_SINGLE"));
        String branch = establishSingle(organization, "中共越秀区旅程八社区服务中心支部委员会", street);
        await().atMost(EVENTUAL).untilAsserted(() -> {
            assertThat(ids(get("/api/members?partyOrganizationId=" + branch))).containsExactlyInAnyOrderElementsOf(founders);
            assertThat(get("/api/branches/" + branch).get("members").get("formal").asInt()).isEqualTo(3);
            assertThat(forecastMembers(finance, year, street)).isEqualTo(forecastBefore + 3);
        });

        // registered after the establishment: in the branch at once, counted by branch-service and funding-service
        String late = formalMembers(organization, 1).get(0);
        JsonNode member = get("/api/members/" + late);
        assertThat(member.get("partyOrganizationId").asString()).isEqualTo(branch);
        assertThat(member.get("partyOrganizationSince").asString()).isEqualTo(today().toString());
        await().atMost(EVENTUAL).untilAsserted(() -> {
            assertThat(get("/api/branches/" + branch).get("members").get("formal").asInt()).isEqualTo(4);
            assertThat(ledgerRow(organization).get("members").get("formal").asInt()).isEqualTo(4);
            // FUNDING: the working funds count the member
            assertThat(forecastMembers(finance, year, street)).isEqualTo(forecastBefore + 4);
        });
        JsonNode history = get("/api/members/" + late + "/history");
        assertThat(history.get("items").get(0).get("action").asString()).isEqualTo("REGISTERED");
        assertThat(history.get("items").get(0).get("actor").get("username").asString()).isEqualTo("committee-admin");

        // the JIANSHE street admin cannot put a JIANSHE member into this KUANGQUAN branch
        String own = register("越秀区旅程八建设街服务社", "JIANSHE");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "旅程八越界");
        body.put("gender", "MALE");
        body.put("idNumber", IdentityCodes.idNumber(LocalDate.of(1950, 12, 31), 103));
        body.put("organizationId", own);
        body.put("partyOrganizationId", branch);
        body.put("stage", "FORMAL");
        body.putAll(Map.of("appliedOn", "1990-03-01", "activistOn", "1990-09-01", "targetOn", "1991-10-01", "admittedOn",
                "1992-04-01", "confirmedOn", "1993-04-01"));
        body.put("monthlyIncome", "5600.00");
        body.put("incomeCategory", "EMPLOYED");
        String streetAdmin = tokens.user("street-admin");
        await().atMost(EVENTUAL).untilAsserted(() -> {
            Http.Response refused = Http.postJson(api("/api/members"), streetAdmin, body);
            assertThat(refused.status()).as(refused.raw().body()).isEqualTo(422);
            assertThat(refused.raw().body()).contains("RULE_7A_PARTY_ORGANIZATION_OF_THE_EMPLOYER");
        });
        assertThat(get("/api/members?organizationId=" + own).get("total").asInt()).isZero();
    }

    /** FUNDING: the members of party organizations in the street that next year's forecast counts (rule 18). */
    private static long forecastMembers(String bearer, int fiscalYear, String street) {
        Http.Response forecast = Http.get(api("/api/funding/forecast?fiscalYear=" + fiscalYear + "&street=" + street), bearer);
        assertThat(forecast.status()).as(forecast.raw().body()).isEqualTo(200);
        return forecast.json().get("members").asLong();
    }

    // --- steps ----------------------------------------------------------------------------------------------------

    private static String api(String path) {
        return platform.gatewayUrl() + path;
    }

    private static LocalDate today() {
        return LocalDate.now(DISTRICT);
    }

    private static JsonNode get(String path) {
        Http.Response response = Http.get(api(path), admin);
        assertThat(response.status()).as(path + " " + response.raw().body()).isEqualTo(200);
        return response.json();
    }

    private static String register(String name, String street) {
        return register(name, street, "CHARITY");
    }

    private static String register(String name, String street, String industry) {
        return steps.register(name, street, industry);
    }

    private static List<String> formalMembers(String organization, int count) {
        return steps.formalMembers(organization, count);
    }

    private static void transition(String member, String to, LocalDate on) {
        steps.transition(member, to, on);
    }

    private static String person(String organization, String stage, Map<String, String> dates) {
        return steps.person(organization, stage, dates);
    }

    /** Established today: a new party organization of the current fiscal year (rule 14), with its start-up grant. */
    private static String establishSingle(String organization, String name, String street) {
        return steps.establishSingle(organization, name, street, today()).json().get("id").asString();
    }

    private static String recordActivity(String partyOrganization, List<String> attendees) {
        Map<String, Object> body = new HashMap<>();
        body.put("partyOrganizationId", partyOrganization);
        body.put("kind", "THEMED_PARTY_DAY");
        body.put("heldOn", today().toString());
        body.put("topic", "主题党日");
        body.put("attendeeIds", attendees);
        Http.Response[] recorded = new Http.Response[1];
        // training-service learns of the party organization and its members from their events
        await().atMost(EVENTUAL).untilAsserted(() -> {
            recorded[0] = Http.postJson(api("/api/training/activities"), admin, body);
            assertThat(recorded[0].status()).as(recorded[0].raw().body()).isEqualTo(201);
        });
        return recorded[0].json().get("id").asString();
    }

    private static List<String> gapsFor(String organization) {
        return gapsFor(get("/api/branches/coverage"), organization);
    }

    private static List<String> gapsFor(JsonNode coverage, String organization) {
        List<String> reasons = new ArrayList<>();
        for (JsonNode gap : coverage.get("gaps")) {
            if (gap.hasNonNull("organizationId") && organization.equals(gap.get("organizationId").asString())) {
                reasons.add(gap.get("reason").asString());
            }
        }
        return reasons;
    }

    private static JsonNode ledgerRow(String organization) {
        for (String status : List.of("ACTIVE", "DEREGISTERED")) {
            for (JsonNode row : get("/api/registry/ledger?size=200&q=旅程&status=" + status).get("items")) {
                if (organization.equals(row.get("organizationId").asString())) {
                    return row;
                }
            }
        }
        throw new AssertionError("no ledger row for " + organization);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    /** FUNDING: the amounts booked for a party organization of one kind. */
    private static List<String> amounts(String partyOrganization, String kind) {
        List<String> amounts = new ArrayList<>();
        ledgerEntries(partyOrganization, kind).forEach(entry -> amounts.add(entry.get("amount").asString()));
        return amounts;
    }

    private static List<Integer> ledgerYears(String partyOrganization, String kind) {
        List<Integer> years = new ArrayList<>();
        ledgerEntries(partyOrganization, kind).forEach(entry -> years.add(entry.get("fiscalYear").asInt()));
        return years;
    }

    private static JsonNode ledgerEntries(String partyOrganization, String kind) {
        Http.Response ledger = Http.get(api("/api/funding/ledger?size=200&kind=" + kind + "&partyOrganizationId=" + partyOrganization),
                tokens.user("finance"));
        assertThat(ledger.status()).isEqualTo(200);
        return ledger.json().get("items");
    }

    private static HttpResponse<byte[]> download(String url, String bearer, String accept) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                    .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo {@code branch-secretary} login's {@code party_org_id}, set through Keycloak's admin API. */
    private static void pointBranchSecretaryAt(String partyOrganization) {
        String bearer = new KeycloakAdmin(platform.keycloakUrl()).masterToken();
        String users = platform.keycloakUrl() + "/admin/realms/party-building/users";
        JsonNode user = Http.get(users + "?exact=true&username=branch-secretary", bearer).json().get(0);
        ObjectNode updated = (ObjectNode) user.deepCopy();
        ObjectNode attributes = updated.has("attributes") ? (ObjectNode) updated.get("attributes") : updated.putObject("attributes");
        attributes.putArray("party_org_id").add(partyOrganization);
        try {
            HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(users + "/" + user.get("id").asString()))
                    .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(updated.toString())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
