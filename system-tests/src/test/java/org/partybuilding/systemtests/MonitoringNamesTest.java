package org.partybuilding.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The name reader behind MonitoringIT's comparison (a plain unit test: no platform). */
class MonitoringNamesTest {

    @Test
    void findsTheSelectedMetricsAndNothingElse() {
        assertThat(MonitoringNames.inExpression("""
                histogram_quantile(0.99, sum by (application, le) (rate(http_server_requests_seconds_bucket{uri!~"/actuator.*"}[5m]))) > 1
                and on (application) up{job="party-building"} == 1 unless ignoring(x) foo:bar_ratio offset 5m
                """)).containsExactlyInAnyOrder("http_server_requests_seconds_bucket", "up", "foo:bar_ratio");
        assertThat(MonitoringNames.inExpression("sum by (routeId) (rate(spring_cloud_gateway_requests_seconds_count[$__rate_interval]))"))
                .containsExactly("spring_cloud_gateway_requests_seconds_count");
        assertThat(MonitoringNames.inExpression("increase(platform_kafka_dead_letters_total[15m]) > 0"))
                .containsExactly("platform_kafka_dead_letters_total");
    }

    @Test
    void readsInlineAndBlockExpressionsOfRuleFiles() {
        String yaml = """
                groups:
                  - name: g
                    rules:
                      - alert: A
                        expr: up == 0
                        for: 1m
                      - alert: B
                        expr: |
                          sum(rate(a_total[5m]))
                          / sum(rate(b_total[5m]))
                        labels:
                          severity: warning
                """;
        assertThat(MonitoringNames.ruleExpressions(yaml)).hasSize(2);
        assertThat(MonitoringNames.ruleExpressions(yaml).get(1)).contains("a_total", "b_total").doesNotContain("severity");
    }

    @Test
    void theRepositorysRulesAndDashboardsQueryTheMetricsTheyShould() {
        Path deploy = Path.of(System.getProperty("system-tests.root", "..")).resolve("deploy");
        assertThat(MonitoringNames.referenced(deploy)).contains("up", "platform_health_readiness",
                "http_server_requests_seconds_count", "platform_outbox_backlog_oldest_age_seconds",
                "platform_branch_coverage_gaps", "platform_funding_booked_yuan")
                .doesNotContain("sum", "rate", "le", "application", "by");
    }

    @Test
    void readsTheNamesOfAScrape() {
        assertThat(MonitoringNames.inScrape("""
                # HELP up x
                # TYPE jvm_threads_live_threads gauge
                jvm_threads_live_threads{application="gateway"} 31.0
                process_uptime_seconds 12.5
                """)).containsExactly("jvm_threads_live_threads", "process_uptime_seconds");
    }
}
