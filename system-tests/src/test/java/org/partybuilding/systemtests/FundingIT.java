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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.partybuilding.local.demo.IdentityCodes;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Issue 7 through the running platform: a party organization established in branch-service reaches funding-service
 * as a start-up grant, and the {@code district-finance} machine client — a real client-credentials token from
 * Keycloak — reads the ledger, the report (JSON and CSV, totals equal to the ledger) and the forecast through the
 * gateway; it may not change anything.
 */
class FundingIT {

    private static PlatformUnderTest platform;
    private static Tokens tokens;

    @BeforeAll
    static void startPlatform() {
        // the run's one platform (it may hold the demo district and the journeys' data: nothing here assumes it empty)
        platform = PlatformUnderTest.shared();
        tokens = new Tokens(platform.keycloakUrl());
    }

    private static String api(String path) {
        return platform.gatewayUrl() + path;
    }

    private static Map<String, Object> organization() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "越秀区志愿服务协会");
        body.put("creditCode", IdentityCodes.creditCode("FD", 1, '1')); // a series of its own on the shared platform
        body.put("type", "SOCIAL_GROUP");
        body.put("registrationLevel", "DISTRICT");
        body.put("registeredOn", "2023-06-18");
        body.put("supervisoryUnit", "越秀区民政局");
        body.put("industry", "CHARITY");
        body.put("street", "JIANSHE");
        body.put("address", "越秀区建设六马路33号");
        body.put("legalRepresentative", Map.of("name", "陈静", "partyMember", false));
        body.put("employees", 9);
        body.put("fullTimeStaff", 4);
        body.put("operatingStatus", "NORMAL");
        return body;
    }

    // 2024: a fiscal year nobody else on the shared platform books in (the demo district's party organizations date from 2025).
    @Test
    void theMachineClientReadsTheStartUpGrantInLedgerReportAndForecastThroughTheGateway() throws Exception {
        String committeeAdmin = tokens.user("committee-admin");
        Http.Response registered = Http.postJson(api("/api/registry/organizations"), committeeAdmin, organization());
        assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);
        String organizationId = registered.json().get("id").asString();
        // branch-service learns of the organization by its event.
        Map<String, Object> establishment = Map.of("name", "中共越秀区志愿服务协会支部委员会", "type", "BRANCH",
                "formation", "AFFILIATED", "organizationIds", List.of(organizationId), "street", "JIANSHE",
                "superior", "中共越秀区社会组织工作委员会", "establishedOn", "2024-03-01");
        String partyOrganizationId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Http.Response established = Http.postJson(api("/api/branches"), committeeAdmin, establishment);
            return established.status() == 201 ? established.json().get("id").asString() : null;
        }, id -> id != null);

        String finance = tokens.districtFinanceClient();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Http.Response ledger = Http.get(api("/api/funding/ledger?partyOrganizationId=" + partyOrganizationId), finance);
            assertThat(ledger.status()).as(ledger.raw().body()).isEqualTo(200);
            assertThat(ledger.json().get("total").asInt()).isEqualTo(1);
            JsonNode grant = ledger.json().get("items").get(0);
            assertThat(grant.get("kind").asString()).isEqualTo("STARTUP_GRANT");
            assertThat(grant.get("amount").asString()).isEqualTo("1000.00");
            assertThat(grant.get("fiscalYear").asInt()).isEqualTo(2024);
        });

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
        String[] totals = lines.get(lines.size() - 1).split(",");
        assertThat(new BigDecimal(totals[totals.length - 1])).isEqualByComparingTo("1000.00");

        Http.Response forecast = Http.get(api("/api/funding/forecast?fiscalYear=2026"), finance);
        assertThat(forecast.status()).as(forecast.raw().body()).isEqualTo(200);
        assertThat(forecast.json().get("perMemberYuan").asString()).isEqualTo("100.00");

        // finance reads; it never books.
        Http.Response refused = Http.postJson(api("/api/funding/allocations"), finance,
                Map.of("fiscalYear", 2025, "snapshotDate", "2025-06-30"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }
}
