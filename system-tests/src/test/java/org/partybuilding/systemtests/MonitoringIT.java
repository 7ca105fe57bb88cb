package org.partybuilding.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.partybuilding.local.LocalPlatform;
import org.partybuilding.local.demo.IdentityCodes;

import tools.jackson.databind.JsonNode;

/**
 * What an operator's monitoring reads from the running platform: liveness and readiness on every management port,
 * scrapes that are small and hold every metric the alert rules and dashboards query, business gauges that agree
 * with the API, and one trace from the gateway through a service and its outbox onto Kafka.
 */
@Order(4)
class MonitoringIT {

    /**
     * Per module; Micrometer's default percentile buckets made a scrape several hundred KB. Measured after the journeys
     * (2026-11-22): gateway 51 KB, services 65–116 KB (member-service, with the most API paths, the largest).
     */
    private static final int SCRAPE_LIMIT_BYTES = 160 * 1024;

    private static PlatformUnderTest platform;
    private static String committeeAdmin;

    @BeforeAll
    static void startPlatform() {
        platform = PlatformUnderTest.shared();
        committeeAdmin = new Tokens(platform.keycloakUrl()).user("committee-admin");
    }

    @Test
    void everyModuleIsLiveAndReadyAndReadinessIsItsOwnDatabaseOnly() {
        for (String module : LocalPlatform.MODULES) {
            Http.Response live = Http.get(platform.managementUrl(module) + "/actuator/health/liveness", null);
            assertThat(live.status()).as(module + " liveness " + live.raw().body()).isEqualTo(200);
            Http.Response ready = Http.get(platform.managementUrl(module) + "/actuator/health/readiness", null);
            assertThat(ready.status()).as(module + " readiness " + ready.raw().body()).isEqualTo(200);
            JsonNode components = ready.json().path("components");
            JsonNode details = Http.get(platform.managementUrl(module) + "/actuator/health", null).json().path("components");
            if (module.equals(LocalPlatform.GATEWAY)) {
                // readiness never asks the services (issue 21); their states are a detail of /actuator/health
                assertThat(components.has("routes")).as("gateway readiness: " + components).isFalse();
                assertThat(details.has("routes")).as("gateway health details: " + details).isTrue();
            } else {
                // its own database; Kafka and the outbox backlog are details, never readiness
                assertThat(components.has("mongo") && !components.has("kafka")).as(module + " readiness: " + components).isTrue();
                assertThat(details.has("kafka") && details.has("outbox")).as(module + " health details: " + details).isTrue();
            }
        }
    }

    @Test
    void everyMetricTheRulesAndDashboardsQueryIsScrapedAndScrapesStaySmall() {
        Set<String> scraped = new TreeSet<>();
        Map<String, Integer> sizes = new TreeMap<>();
        for (String module : LocalPlatform.MODULES) {
            String scrape = scrape(module);
            sizes.put(module, scrape.getBytes(StandardCharsets.UTF_8).length);
            scraped.addAll(MonitoringNames.inScrape(scrape));
            assertThat(scrape).as(module + " tags every series with application")
                    .contains("process_uptime_seconds{application=\"" + module + "\"");
        }
        System.out.println("Scrape sizes (bytes): " + sizes);

        Path deploy = Path.of(System.getProperty("system-tests.root", "..")).resolve("deploy");
        Set<String> referenced = MonitoringNames.referenced(deploy);
        referenced.remove("up"); // Prometheus's own, per target
        assertThat(referenced).as("metric names in deploy/prometheus/rules and deploy/grafana/dashboards").isNotEmpty();
        assertThat(scraped).as("names scraped from the running platform").containsAll(referenced);
        assertThat(sizes).allSatisfy((module, size) -> assertThat(size).as(module + " scrape size").isLessThan(SCRAPE_LIMIT_BYTES));
    }

    @Test
    void prometheusScrapesEveryModuleWithTheRepositorysRulesAndNothingFires() {
        // Prometheus itself (deploy/prometheus's configuration, pointed at this platform) ingests each scrape: a format
        // it refuses (e.g. exemplars on a _count) makes the target down
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            JsonNode targets = Http.get(platform.prometheusUrl() + "/api/v1/targets", null).json().path("data").path("activeTargets");
            Map<String, String> health = new TreeMap<>();
            targets.forEach(t -> health.put(t.path("labels").path("application").asString(),
                    t.path("health").asString() + " " + t.path("lastError").asString()));
            assertThat(health).hasSize(LocalPlatform.MODULES.size()).allSatisfy((module, state) -> assertThat(state).as(module).isEqualTo("up "));
        });
        JsonNode groups = Http.get(platform.prometheusUrl() + "/api/v1/rules", null).json().path("data").path("groups");
        List<String> alerts = new java.util.ArrayList<>();
        groups.forEach(g -> g.path("rules").forEach(r -> alerts.add(r.path("name").asString() + "=" + r.path("state").asString())));
        assertThat(alerts).contains("ServiceDown=inactive", "ReadinessFailing=inactive", "KafkaUnreachable=inactive",
                "DeadLettersParked=inactive", "RefusedRequestsBurst=inactive").hasSize(10);
    }

    @Test
    void eachServiceExportsItsOwnFiguresAndTheGatewayItsRoutes() {
        assertThat(scrape("registry-service")).contains("platform_registry_organizations{application=\"registry-service\",status=\"ACTIVE\"}");
        assertThat(scrape("member-service")).contains("platform_member_members{application=\"member-service\",stage=\"FORMAL\"}");
        assertThat(scrape("funding-service")).contains("platform_funding_booked_yuan{application=\"funding-service\",kind=\"STARTUP_GRANT\"}");
        String branch = scrape("branch-service");
        assertThat(branch).contains("platform_branch_coverage_gaps{application=\"branch-service\",reason=\"NEEDS_JOINT\"}",
                "platform_branch_coverage_ratio{application=\"branch-service\",kind=\"work\"}");
        for (String service : LocalPlatform.SERVICES) {
            String scrape = scrape(service);
            assertThat(scrape).as(service).contains("platform_outbox_backlog_events{", "platform_health_readiness{application=\"" + service + "\"} 1.0");
        }
        assertThat(scrape("gateway")).contains("spring_cloud_gateway_requests_seconds_count{").contains("routeId=\"registry\"");
    }

    @Test
    void theGapGaugesAgreeWithTheCoverageReport() {
        // the gauges are refreshed every 30 s; nothing else changes the district while this class runs
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            Http.Response coverage = Http.get(platform.gatewayUrl() + "/api/branches/coverage", committeeAdmin);
            assertThat(coverage.status()).isEqualTo(200);
            Map<String, Integer> gaps = new HashMap<>();
            coverage.json().path("gaps").forEach(gap -> gaps.merge(gap.path("reason").asString(), 1, Integer::sum));
            String scrape = scrape("branch-service");
            for (String reason : List.of("SHOULD_FORM_SINGLE", "NEEDS_JOINT", "NEEDS_INSTRUCTOR")) {
                assertThat(gauge(scrape, "platform_branch_coverage_gaps", "reason=\"" + reason + "\""))
                        .as(reason).isEqualTo(gaps.getOrDefault(reason, 0).doubleValue());
            }
            assertThat(gauge(scrape, "platform_branch_coverage_ratio", "kind=\"organization\""))
                    .isEqualTo(coverage.json().path("organizationCoverageRate").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
        });
    }

    @Test
    void aRequestsTraceGoesFromTheGatewayThroughTheOutboxOntoKafka() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        Map<String, Object> body = new HashMap<>();
        body.put("name", "越秀区监测示范协会");
        body.put("creditCode", IdentityCodes.creditCode("MN", 1, '1')); // a series of its own on the shared platform
        body.put("type", "SOCIAL_GROUP");
        body.put("registrationLevel", "DISTRICT");
        body.put("registeredOn", "2025-06-18");
        body.put("supervisoryUnit", "越秀区民政局");
        body.put("industry", "CULTURE");
        body.put("street", "DADONG");
        body.put("address", "越秀区大东街1号");
        body.put("legalRepresentative", Map.of("name", "林华", "partyMember", false));
        body.put("employees", 5);
        body.put("fullTimeStaff", 2);
        body.put("operatingStatus", "NORMAL");
        Http.Response created = Http.postJson(platform.gatewayUrl() + "/api/registry/organizations", committeeAdmin, body,
                Map.of("traceparent", "00-" + traceId + "-b7ad6b7169203331-01"));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        String id = created.json().path("id").asString();

        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "monitoring-it-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("registry.organizations.v1")); // Topics.REGISTRY_ORGANIZATIONS
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                String traceparent = null;
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header header = record.headers().lastHeader("traceparent");
                    if (id.equals(record.key()) && header != null) {
                        traceparent = new String(header.value(), StandardCharsets.UTF_8);
                    }
                }
                assertThat(traceparent).startsWith("00-" + traceId + "-");
            });
        }
    }

    private static String scrape(String module) {
        Http.Response response = Http.get(platform.managementUrl(module) + "/actuator/prometheus", null);
        assertThat(response.status()).as(module + " scrape").isEqualTo(200);
        return response.raw().body();
    }

    private static double gauge(String scrape, String name, String label) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(label) + "[^}]*} (\\S+)$").matcher(scrape);
        assertThat(m.find()).as(name + "{" + label + "} in the scrape").isTrue();
        return Double.parseDouble(m.group(1));
    }
}
