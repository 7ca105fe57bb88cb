package org.partybuilding.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partybuilding.local.demo.DemoDistrict;
import org.partybuilding.local.demo.DistrictGenerator;

import tools.jackson.databind.JsonNode;

/**
 * Issue 26 on the demo district, through the gateway: the work inbox of committee-admin, street-admin (JIANSHE) and
 * branch-secretary — counts per kind add up, each sees only its scope, and every kind is counted exactly for the demo's
 * own party organizations, organizations and people, per role, against what {@link DemoInbox} works out from the
 * generator's data — and the annual report's sections for the current year equal the registry statistics, coverage,
 * standardization, pipeline, compliance, training statistics and funding reports, to the fen; each section's XLSX opens.
 * Runs after the ordered classes (the demo district is loaded by DemoDistrictIT).
 */
class InboxAndAnnualReportIT {

    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    private static final List<String> INBOXES = List.of("/api/branches/inbox", "/api/members/inbox", "/api/training/inbox",
            "/api/funding/inbox");
    private static PlatformUnderTest platform;
    private static Tokens tokens;

    @BeforeAll
    static void platform() {
        platform = PlatformUnderTest.shared();
        tokens = new Tokens(platform.keycloakUrl());
    }

    private static JsonNode get(String path, String bearer) {
        Http.Response response = Http.get(platform.gatewayUrl() + path, bearer);
        assertThat(response.status()).as(path + " " + response.raw().body()).isEqualTo(200);
        return response.json();
    }

    private static List<JsonNode> items(JsonNode inbox) {
        List<JsonNode> items = new ArrayList<>();
        inbox.get("items").forEach(items::add);
        return items;
    }

    /** The counts add up to the total, and (under the default limit) every item is listed. */
    private static JsonNode inbox(String path, String bearer) {
        JsonNode inbox = get(path + "?limit=10000", bearer);
        int sum = 0;
        for (JsonNode n : inbox.get("counts")) {
            sum += n.asInt();
        }
        assertThat(sum).as(path).isEqualTo(inbox.get("total").asInt()).isEqualTo(inbox.get("items").size());
        return inbox;
    }

    @Test
    void theInboxOfEachRoleCountsItsScopeAndEveryKindOfTheDemoExactly() {
        LocalDate today = LocalDate.now(DISTRICT);
        DemoDistrict demo = DistrictGenerator.demo();
        String committee = tokens.user("committee-admin");
        String street = tokens.user("street-admin");
        String secretary = tokens.user("branch-secretary");

        // every kind of every service, for the demo's own subjects (its party organizations, organizations and people), per
        // role: committee-admin the district, street-admin JIANSHE, branch-secretary its party organization
        JsonNode own = get("/api/branches?size=200", secretary).get("items");
        assertThat(own.size()).isEqualTo(1);
        String ownName = own.get(0).get("name").asString();
        boolean allocated = allocationRun(committee, today.getYear());
        Map<String, Predicate<DemoDistrict.PartyOrganization>> scopes = Map.of(committee, p -> true, street,
                p -> p.street().equals("JIANSHE"), secretary, p -> p.name().equals(ownName));
        Map<String, String> roles = Map.of(committee, "committee-admin", street, "street-admin", secretary, "branch-secretary");
        for (Map.Entry<String, Predicate<DemoDistrict.PartyOrganization>> scope : scopes.entrySet()) {
            String role = roles.get(scope.getKey());
            Map<String, Integer> want = DemoInbox.expected(demo, today,
                    role.equals("street-admin") ? "JIANSHE"::equals : s -> true, scope.getValue(), role.equals("branch-secretary"),
                    allocated);
            Map<String, Integer> got = new HashMap<>();
            Set<String> demoSubjects = DemoInbox.subjectNames(demo);
            for (String path : INBOXES) {
                for (JsonNode item : items(inbox(path, scope.getKey()))) {
                    if (demoSubjects.contains(item.get("subjectName").asString())) {
                        got.merge(item.get("kind").asString(), 1, Integer::sum);
                    }
                }
            }
            assertThat(want.values().stream().mapToInt(Integer::intValue).sum()).as(role + ": something is due").isPositive();
            for (String kind : DemoInbox.KINDS) {
                assertThat(got.getOrDefault(kind, 0)).as(role + " " + kind).isEqualTo(want.getOrDefault(kind, 0));
            }
        }

        for (String path : INBOXES) {
            JsonNode all = inbox(path, committee);
            // a street admin: its street's items only, and every one of them the committee admin sees too
            JsonNode mine = inbox(path, street);
            List<String> ofDistrict = items(all).stream().map(i -> i.get("kind").asString() + "/" + i.get("subjectId").asString()
                    + "/" + i.get("rule").asString()).toList();
            for (JsonNode item : items(mine)) {
                assertThat(item.get("street").asString()).as(path).isEqualTo("JIANSHE");
                assertThat(ofDistrict).contains(item.get("kind").asString() + "/" + item.get("subjectId").asString() + "/"
                        + item.get("rule").asString());
            }
            for (JsonNode n : mine.get("counts").properties().stream().map(Map.Entry::getValue).toList()) {
                assertThat(n.asInt()).isLessThanOrEqualTo(all.get("total").asInt());
            }
        }
        // a branch secretary: its own party organization's items only
        String partyOrganization = own.get(0).get("id").asString();
        for (String path : INBOXES) {
            for (JsonNode item : items(inbox(path, secretary))) {
                assertThat(item.get("partyOrganizationId").asString()).as(path + " " + item).isEqualTo(partyOrganization);
            }
        }
    }

    /** Whether this fiscal year's allocation has run (its working funds are in the ledger): then nothing of it is pending. */
    private static boolean allocationRun(String bearer, int year) {
        for (JsonNode row : get("/api/funding/reports?fiscalYear=" + year + "&groupBy=kind", bearer).get("rows")) {
            if ("ANNUAL_WORKING_FUNDS".equals(row.path("key").asString()) && new java.math.BigDecimal(row.path("amount").asString()).signum() > 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theAnnualReportOfTheCurrentYearEqualsTheServicesOwnReports() throws Exception {
        int year = LocalDate.now(DISTRICT).getYear();
        String committee = tokens.user("committee-admin");
        JsonNode registry = get("/api/registry/reports/annual?year=" + year, committee);
        assertThat(registry.get("total").get("activeAtEnd").asLong())
                .isEqualTo(get("/api/registry/statistics", committee).get("active").asLong());

        JsonNode branches = get("/api/branches/reports/annual?year=" + year, committee);
        JsonNode coverage = get("/api/branches/coverage", committee);
        JsonNode end = branches.get("coverageAtEnd").get("figures");
        for (String figure : List.of("activeOrganizations", "withMembers", "coveredBySingle", "coveredByJoint", "coveredByAffiliated",
                "instructorOnly", "uncovered", "organizationCoverageRate", "workCoverageRate")) {
            assertThat(end.get(figure).asString()).as(figure).isEqualTo(coverage.get(figure).asString());
        }
        JsonNode standardization = get("/api/branches/standardization", committee);
        assertThat(branches.get("standardization").get("ratings")).isEqualTo(standardization.get("ratings"));
        assertThat(branches.get("standardization").get("sixHaves")).isEqualTo(standardization.get("sixHaves"));

        JsonNode members = get("/api/members/reports/annual?year=" + year, committee);
        JsonNode pipeline = get("/api/members/reports/pipeline?limit=0", committee);
        for (String stage : List.of("FORMAL", "PROBATIONARY")) {
            assertThat(members.get("partyMembersAtEnd").get(stage).asLong()).as(stage)
                    .isEqualTo(pipeline.get("byStage").get(stage).asLong());
        }

        JsonNode training = get("/api/training/reports/annual?year=" + year, committee);
        for (int q = 1; q <= 5; q++) {
            JsonNode report = get("/api/training/compliance?year=" + year + (q <= 4 ? "&quarter=" + q : ""), committee).get("total");
            JsonNode period = training.get("compliance").get(q - 1);
            assertThat(period.get("compliant").asInt()).isEqualTo(report.get("compliant").asInt());
            assertThat(period.get("behind").asInt()).isEqualTo(report.get("behind").asInt());
        }
        assertThat(training.get("training")).isEqualTo(get("/api/training/statistics?year=" + year, committee).get("total"));

        JsonNode funding = get("/api/funding/reports/annual?year=" + year, committee);
        JsonNode byKind = get("/api/funding/reports?fiscalYear=" + year + "&groupBy=kind", committee);
        assertThat(funding.get("total").asString()).isEqualTo(byKind.get("total").asString());
        assertThat(funding.get("byKind")).isEqualTo(byKind.get("rows"));

        Map<String, List<String>> sheets = Map.of("registry", List.of("社会组织"), "branches", List.of("党组织覆盖", "党组织新建与撤销", "规范化建设"),
                "members", List.of("党员", "发展党员", "组织关系转接"), "training", List.of("组织生活", "教育培训"),
                "funding", List.of("经费按类别", "经费按街道"));
        for (Map.Entry<String, List<String>> section : sheets.entrySet()) {
            HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                    + "/api/" + section.getKey() + "/reports/annual?year=" + year)).header("Authorization", "Bearer " + committee)
                    .header("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(xlsx.statusCode()).as(section.getKey()).isEqualTo(200);
            try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                assertThat(workbook.getSheets().map(org.dhatim.fastexcel.reader.Sheet::getName).toList()).isEqualTo(section.getValue());
            }
        }
    }
}
