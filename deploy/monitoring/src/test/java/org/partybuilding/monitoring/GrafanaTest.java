package org.partybuilding.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/grafana: the two dashboards exist, every panel and query names the provisioned datasource by its pinned
 * uid (so a dashboard never depends on a datasource picked by name or default), and every panel has a query.
 */
class GrafanaTest {

    static final Path GRAFANA = Deployment.dir().resolve("grafana");
    static final String DATASOURCE_UID = "party-building-prometheus";

    @Test
    void theProvisionedDatasourceHasThePinnedUid() throws IOException {
        String datasources = Files.readString(GRAFANA.resolve("provisioning/datasources/prometheus.yml"));
        assertThat(datasources).contains("uid: " + DATASOURCE_UID).contains("type: prometheus");
        String dashboards = Files.readString(GRAFANA.resolve("provisioning/dashboards/dashboards.yml"));
        assertThat(dashboards).contains("type: file").contains("path: /var/lib/grafana/dashboards/party-building");
    }

    @Test
    void everyPanelQueriesThePinnedDatasource() throws IOException {
        List<Path> dashboards = dashboards();
        assertThat(dashboards).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("platform-overview.json", "district-overview.json");
        for (Path file : dashboards) {
            JsonNode dashboard = JsonMapper.builder().build().readTree(file.toFile());
            assertThat(dashboard.path("uid").asString()).as(file + " uid").isNotBlank();
            List<JsonNode> panels = new ArrayList<>();
            dashboard.path("panels").forEach(panels::add);
            assertThat(panels).as(file + " panels").isNotEmpty();
            for (JsonNode panel : panels) {
                String where = file.getFileName() + " panel '" + panel.path("title").asString() + "'";
                assertThat(panel.path("datasource").path("uid").asString()).as(where).isEqualTo(DATASOURCE_UID);
                assertThat(panel.path("targets").size()).as(where + " queries").isPositive();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("datasource").path("uid").asString()).as(where).isEqualTo(DATASOURCE_UID);
                    assertThat(target.path("expr").asString()).as(where + " expr").isNotBlank();
                }
            }
        }
    }

    @Test
    void thePlatformOverviewShowsWhatTheIssueAsksFor() throws IOException {
        String overview = Files.readString(GRAFANA.resolve("dashboards/platform-overview.json"));
        assertThat(overview).contains("up{job=\\\"party-building\\\"}", "http_server_requests_seconds_count",
                "http_server_requests_seconds_bucket", "kafka_consumer_fetch_manager_records_lag",
                "platform_outbox_backlog_oldest_age_seconds", "platform_kafka_dead_letters_total");
        String district = Files.readString(GRAFANA.resolve("dashboards/district-overview.json"));
        assertThat(district).contains("platform_branch_coverage_ratio", "platform_branch_coverage_gaps",
                "platform_member_members", "platform_funding_booked_yuan", "platform_registry_organizations");
    }

    static List<Path> dashboards() throws IOException {
        try (Stream<Path> paths = Files.list(GRAFANA.resolve("dashboards"))) {
            return paths.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
