package org.partybuilding.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.partybuilding.local.LocalPlatform;

import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 26's daily tools on whatever district the platform holds (run it after {@code branch}: 10,000 organizations,
 * 100,000 members, 1,100 party organizations): each service's work inbox as committee-admin (the whole district) and
 * each service's section of the annual report for the current year (JSON, and XLSX), through the gateway, one request
 * at a time, p50 / p95 / max of 20 after 3 warm-ups, on a settled platform. Targets: inbox p95 < 300 ms per service,
 * annual report < 2 s per service. {@code bench/run.sh member daily} measures member-service's part alone, on the
 * {@code member} measure's 121,000 members (minutes instead of the branch district's half hour).
 */
final class DailyToolsBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int REQUESTS = 20;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final LocalPlatform platform;
    private final Supplier<String> tokens;
    private final Map<String, String> report;
    /** The services measured (their API path segment): all, or only member-service's after the {@code member} measure. */
    private final List<String> services;

    DailyToolsBench(LocalPlatform platform, Supplier<String> committeeAdminTokens, Map<String, String> report, List<String> services) {
        this.platform = platform;
        this.tokens = committeeAdminTokens;
        this.report = report;
        this.services = services;
    }

    /** Every service, on the {@code branch} measure's district. */
    static final List<String> ALL = List.of("registry", "branches", "members", "training", "funding");

    void run() {
        report.put("daily tools: platform settled (no consumer lag, outboxes empty), s after",
                String.format(Locale.ROOT, "%.1f", Quiescence.await(platform, java.time.Duration.ofMinutes(15))));
        String token = tokens.get();
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        double worstInbox = 0;
        for (String service : services.stream().filter(s -> !s.equals("registry")).toList()) { // the registry has no inbox
            double[] latency = Latencies.of(platform.gatewayUrl() + "/api/" + service + "/inbox", token, "application/json", REQUESTS);
            worstInbox = Math.max(worstInbox, latency[1]);
            report.put("inbox /api/" + service + "/inbox via gateway (committee-admin): p50 / p95 / max of " + REQUESTS + " (ms)",
                    Latencies.format(latency) + " (" + total(service, token) + " items)");
        }
        double worstAnnual = 0;
        for (String service : services) {
            String url = platform.gatewayUrl() + "/api/" + service + "/reports/annual?year=" + year;
            double[] json = Latencies.of(url, token, "application/json", REQUESTS);
            double[] xlsx = Latencies.of(url, token, XLSX, REQUESTS);
            worstAnnual = Math.max(worstAnnual, Math.max(json[2], xlsx[2]));
            report.put("annual report /api/" + service + "/reports/annual via gateway: JSON / XLSX, p50 / p95 / max of " + REQUESTS
                    + " (ms)", Latencies.format(json) + " / " + Latencies.format(xlsx));
        }
        report.put("daily tools targets: inbox p95 < 300 ms, annual report < 2 s (worst of every request) per service",
                (worstInbox < 300 ? "inbox met" : "inbox MISSED") + ", " + (worstAnnual < 2000 ? "annual met" : "annual MISSED")
                        + String.format(Locale.ROOT, " (worst inbox p95 %.1f ms, slowest annual %.1f ms)", worstInbox, worstAnnual));
    }

    private String total(String service, String token) {
        String body = Latencies.get(platform.gatewayUrl() + "/api/" + service + "/inbox?limit=1", token, "application/json").body();
        return JSON.readTree(body).path("total").asString();
    }
}
