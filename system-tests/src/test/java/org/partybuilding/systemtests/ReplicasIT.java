package org.partybuilding.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.partybuilding.local.LocalPlatform;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 27: the platform as two instances of everything ({@code --replicas 2}, a platform of its own in a failsafe
 * execution of its own). A small district of this class's own (five organizations, twelve formal members, four SINGLE
 * branches, six dues payments) is built through both gateways alternately, half of it while one instance of every
 * service and one gateway are killed (SIGKILL) and started again; a portal session (the real Keycloak login, by HTTP)
 * is created on one gateway and used on the other, across that gateway's death and restart. Then every report answers
 * the same through both gateways and from each instance of its service on its own, and equals the figures this
 * district must give (a one-instance answer, to the fen).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    private static final Duration EVENTUAL = Duration.ofSeconds(90);
    private static final String MONTH = YearMonth.now(DISTRICT).minusMonths(1).toString();

    private static PlatformUnderTest platform;
    private static String admin;
    private static List<String> gateways;
    private static PortalBrowser browser;
    private static final List<String> organizations = new ArrayList<>();
    private static final List<String> branches = new ArrayList<>();

    @BeforeAll
    static void startTwoOfEverything() {
        platform = PlatformUnderTest.startReplicated(2);
        gateways = platform.gatewayUrls();
        assertThat(gateways).hasSize(2);
        admin = new Tokens(platform.keycloakUrl()).user("committee-admin");
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private static LocalDate today() {
        return LocalDate.now(DISTRICT);
    }

    private static Steps steps(int gateway, String series, int birthYear) {
        return new Steps(gateways.get(gateway), admin, series, LocalDate.of(birthYear, 1, 1), "双实例党员" + series);
    }

    /** One organization with three formal members and its SINGLE branch, through one gateway; answers their member ids. */
    private static List<String> branchThrough(int gateway, String series, int birthYear, String name, String street) {
        Steps steps = steps(gateway, series, birthYear);
        String organization = steps.register("越秀区" + name + "协会", street, "CHARITY");
        organizations.add(organization);
        List<String> members = steps.formalMembers(organization, 3);
        await().atMost(EVENTUAL).untilAsserted(() -> {
            Http.Response response = Http.postJson(gateways.get(gateway) + "/api/branches", admin, Map.of(
                    "name", "中共越秀区" + name + "协会支部委员会", "type", "BRANCH", "formation", "SINGLE",
                    "organizationIds", List.of(organization), "street", street,
                    "superior", "中共广州市越秀区社会组织委员会", "establishedOn", today().toString()));
            // 422 until branch-service has counted the three members (rule 1 needs 3 formal members)
            assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
            branches.add(response.json().get("id").asString());
        });
        String branch = branches.get(branches.size() - 1);
        // member-service assigns the three to their new branch (the event, through whichever instance consumes it)
        await().atMost(EVENTUAL).untilAsserted(() -> {
            List<String> assigned = new ArrayList<>();
            Http.get(gateways.get(gateway) + "/api/members?partyOrganizationId=" + branch, admin).json().get("items")
                    .forEach(item -> assigned.add(item.get("id").asString()));
            assertThat(assigned).containsExactlyInAnyOrderElementsOf(members);
        });
        return members;
    }

    private static void payDues(int gateway, List<String> members) {
        for (String member : members) {
            Http.Response paid = Http.postJson(gateways.get(gateway) + "/api/members/" + member + "/dues-payments", admin,
                    Map.of("month", MONTH, "amount", "84.00"));
            assertThat(paid.status()).as(paid.raw().body()).isEqualTo(201);
        }
    }

    @Test
    @Order(1)
    void aDistrictBuiltThroughBothGatewaysWhileOneInstanceOfEverythingIsKilledAndRestarted() {
        long began = System.nanoTime();
        // a portal user logs in on the first gateway; the session serves them on the second
        browser = new PortalBrowser(platform.keycloakUrl());
        browser.login(gateways.get(0), "committee-admin");
        assertThat(browser.get(gateways.get(1) + "/auth/me").json().get("username").asString()).isEqualTo("committee-admin");

        List<String> first = branchThrough(0, "RA", 1941, "双实例甲", "JIANSHE");
        List<String> second = branchThrough(1, "RB", 1942, "双实例乙", "JIANSHE");

        // one instance of every service dies, and the first gateway (where the portal session was made)
        List<String> killed = new ArrayList<>();
        for (int i = 0; i < LocalPlatform.SERVICES.size(); i++) {
            String service = LocalPlatform.SERVICES.get(i);
            platform.killModule(service, i % 2); // registry, member, funding: the first instance; branch, training: the second
            killed.add(service + "#" + (i % 2));
        }
        platform.killModule(LocalPlatform.GATEWAY, 0);
        System.out.println("[replicas] killed " + killed + " and gateway#0");

        // meanwhile: the other gateway serves the portal session (and its CSRF-guarded writes) and the API
        assertThat(browser.get(gateways.get(1) + "/auth/me").status()).isEqualTo(200);
        Http.Response registered = browser.postJson(gateways.get(1) + "/api/registry/organizations",
                steps(1, "RP", 1945).organization("越秀区双实例门户登记促进会", "HUALE", "CHARITY"));
        assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);
        organizations.add(registered.json().get("id").asString());
        List<String> third = branchThrough(1, "RC", 1943, "双实例丙", "DONGSHAN");
        payDues(1, third);

        List<Thread> restarts = new ArrayList<>();
        for (int i = 0; i < LocalPlatform.SERVICES.size(); i++) {
            String service = LocalPlatform.SERVICES.get(i);
            int instance = i % 2;
            restarts.add(new Thread(() -> platform.startModule(service, instance)));
        }
        restarts.add(new Thread(() -> platform.startModule(LocalPlatform.GATEWAY, 0)));
        restarts.forEach(Thread::start);
        for (Thread restart : restarts) {
            try {
                restart.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        System.out.printf("[replicas] all restarted, %.0f s into the test%n", (System.nanoTime() - began) / 1e9);

        // the restarted gateway knows the session made before it died
        assertThat(browser.get(gateways.get(0) + "/auth/me").json().get("username").asString()).isEqualTo("committee-admin");
        List<String> fourth = branchThrough(0, "RD", 1944, "双实例丁", "DONGSHAN");
        payDues(0, first);
        assertThat(second).hasSize(3);
        assertThat(fourth).hasSize(3);
        System.out.printf("[replicas] district built in %.0f s%n", (System.nanoTime() - began) / 1e9);
    }

    @Test
    @Order(2)
    void coverageRegistryAndMembersAnswerTheDistrictsFiguresAlikeEverywhere() {
        // the figures of this district: five active organizations, four covered by their SINGLE branch, one without
        // members (needs an instructor); twelve formal members in four branches
        await().atMost(EVENTUAL).untilAsserted(() -> {
            JsonNode coverage = Http.get(gateways.get(0) + "/api/branches/coverage", admin).json();
            assertThat(coverage.get("activeOrganizations").asInt()).isEqualTo(5);
            assertThat(coverage.get("coveredBySingle").asInt()).isEqualTo(4);
        });
        sameEverywhere("branch-service", "/api/branches/coverage");
        sameEverywhere("registry-service", "/api/registry/statistics");
        sameEverywhere("member-service", "/api/members/reports/pipeline");
        sameEverywhere("branch-service", "/api/branches?size=50");
        // and through the portal session on either gateway
        for (String gateway : gateways) {
            assertThat(normalized(browser.get(gateway + "/api/branches/coverage").json()))
                    .isEqualTo(normalized(Http.get(gateways.get(0) + "/api/branches/coverage", admin).json()));
        }
    }

    /**
     * The funding and training reports. NOTE (issue 27, point 1, h27's part): while funding-service and training-service
     * still answer from in-memory totals, each instance sees only the events its own consumers took (and a restarted
     * one forgets them), so this is expected to fail until their totals come from MongoDB.
     */
    @Test
    @Order(3)
    void fundingAndTrainingReportsAnswerTheDistrictsFiguresAlikeEverywhere() {
        int year = today().getYear();
        // four start-up grants of 1,000.00 (established today, an open fiscal year) and six dues of 84.00 returned in full
        BigDecimal expected = new BigDecimal("4504.00");
        String report = "/api/funding/reports?fiscalYear=" + year + "&groupBy=kind";
        await().atMost(EVENTUAL).untilAsserted(() -> {
            for (String url : everywhere("funding-service", report)) {
                assertThat(new BigDecimal(Http.get(url, admin).json().get("total").asString())).as(url).isEqualByComparingTo(expected);
            }
        });
        sameEverywhere("funding-service", report);
        sameEverywhere("funding-service", "/api/funding/reports?fiscalYear=" + year + "&groupBy=street");
        sameEverywhere("funding-service", "/api/funding/reports?fiscalYear=" + year + "&groupBy=partyOrganization");
        sameEverywhere("training-service", "/api/training/statistics?year=" + year);
        sameEverywhere("training-service", "/api/training/compliance?year=" + year + "&quarter="
                + ((today().getMonthValue() - 1) / 3 + 1));
    }

    /** Both gateways, and each instance of the service on its own: the places one report can be asked. */
    private static List<String> everywhere(String service, String path) {
        List<String> urls = new ArrayList<>();
        gateways.forEach(gateway -> urls.add(gateway + path));
        urls.add(platform.serviceUrl(service, 0) + path);
        urls.add(platform.serviceUrl(service, 1) + path);
        return urls;
    }

    /**
     * Every place answers alike, asked one after another until they do: the places are asked in turn, so an event still
     * arriving (a member announced just now) may count in a later answer and not in an earlier one — that is time, not
     * an instance's copy behind its database (each module's {@code TwoInstancesApiTest} shows a request never reads
     * older than what another instance wrote before it).
     */
    private static void sameEverywhere(String service, String path) {
        await().atMost(EVENTUAL).untilAsserted(() -> askedAlike(service, path));
    }

    private static void askedAlike(String service, String path) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String url : everywhere(service, path)) {
            Http.Response response = Http.get(url, admin);
            assertThat(response.status()).as(url + ": " + response.raw().body()).isEqualTo(200);
            answers.put(url, normalized(response.json()));
        }
        JsonNode first = answers.values().iterator().next();
        answers.forEach((url, answer) -> assertThat(answer).as(url + " answers as " + answers.keySet().iterator().next()).isEqualTo(first));
    }

    /** A report without the moment it was made (the only part two askings may differ in). */
    private static JsonNode normalized(JsonNode report) {
        if (report instanceof ObjectNode object) {
            ObjectNode copy = object.deepCopy();
            for (String moment : List.of("generatedAt", "asOf", "computedAt", "timestamp")) {
                copy.remove(moment);
            }
            return copy;
        }
        return report;
    }

    /**
     * A browser's part of the portal login, by HTTP: the gateway sends it to Keycloak's login form, the form is posted
     * with the demo password, Keycloak sends it back to the gateway with the code; afterwards it holds only the
     * {@code SESSION} and {@code XSRF-TOKEN} cookies, sent to whichever gateway it asks.
     */
    static final class PortalBrowser {

        private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*kc-form-login[^>]*>");
        private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");
        private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final Map<String, String> keycloakCookies = new LinkedHashMap<>();
        private final Map<String, String> portalCookies = new LinkedHashMap<>();
        private final String keycloakUrl;

        PortalBrowser(String keycloakUrl) {
            this.keycloakUrl = keycloakUrl;
        }

        void login(String gateway, String username) {
            HttpResponse<String> toKeycloak = send(HttpRequest.newBuilder(URI.create(gateway + "/oauth2/authorization/keycloak")).GET(), portalCookies);
            assertThat(toKeycloak.statusCode()).isEqualTo(302);
            String authorize = toKeycloak.headers().firstValue("Location").orElseThrow();
            assertThat(authorize).startsWith(keycloakUrl);
            HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(authorize)).GET(), keycloakCookies);
            Matcher loginForm = LOGIN_FORM.matcher(form.body());
            assertThat(loginForm.find()).as("Keycloak's login form in " + form.body()).isTrue();
            Matcher action = ACTION.matcher(loginForm.group());
            assertThat(action.find()).as("its action").isTrue();
            String body = Map.of("username", username, "password", "demo", "credentialId", "").entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> back = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)),
                    keycloakCookies);
            assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
            String callback = back.headers().firstValue("Location").orElseThrow();
            assertThat(callback).startsWith(gateway + "/login/oauth2/code/keycloak");
            HttpResponse<String> loggedIn = send(HttpRequest.newBuilder(URI.create(callback)).GET(), portalCookies);
            assertThat(loggedIn.statusCode()).isEqualTo(302);
            assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
            // the CSRF cookie for later writes
            assertThat(get(gateway + "/auth/me").status()).isEqualTo(200);
            assertThat(portalCookies).containsKeys("SESSION", "XSRF-TOKEN");
        }

        Http.Response get(String url) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET(), portalCookies);
            return new Http.Response(response.statusCode(), response);
        }

        Http.Response postJson(String url, Object body) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .header("X-XSRF-TOKEN", portalCookies.getOrDefault("XSRF-TOKEN", ""))
                    .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(body))), portalCookies);
            return new Http.Response(response.statusCode(), response);
        }

        private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> cookies) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            try {
                HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                for (String setCookie : response.headers().allValues("Set-Cookie")) {
                    String pair = setCookie.split(";", 2)[0];
                    int equals = pair.indexOf('=');
                    String value = pair.substring(equals + 1);
                    if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
                        cookies.remove(pair.substring(0, equals));
                    } else {
                        cookies.put(pair.substring(0, equals), value);
                    }
                }
                return response;
            } catch (IOException e) {
                throw new UncheckedIOException(request.build().uri() + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
