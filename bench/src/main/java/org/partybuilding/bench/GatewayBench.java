package org.partybuilding.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.partybuilding.local.LocalPlatform;

/**
 * The cost of one request: the same authenticated {@code GET /api/registry/organizations/{id}} directly to
 * registry-service and through the gateway, in alternating wrk rounds once both paths are steady (consecutive
 * warm-up rounds within {@link #STEADY}), with the CPU time each process spent per request (/proc). With
 * {@code --profile}, a Java Flight Recorder profile of registry-service during a direct round and of the gateway
 * (and the service behind it) during a gateway round, summarised into the report.
 */
final class GatewayBench {

    /** Warm-up is over when the last two rounds of each path differ by at most this share. */
    static final double STEADY = 0.05;
    private static final int CONNECTIONS = 16;
    private static final int TOP_FRAMES = 25;

    private final LocalPlatform platform;
    private final String token;
    private final boolean quick;
    private final boolean profile;
    private final Path profileDir;
    private final Map<String, String> report;
    private final List<String> sections;

    GatewayBench(LocalPlatform platform, String token, boolean quick, boolean profile, Path profileDir,
            Map<String, String> report, List<String> sections) {
        this.platform = platform;
        this.token = token;
        this.quick = quick;
        this.profile = profile;
        this.profileDir = profileDir;
        this.report = report;
        this.sections = sections;
    }

    void run(String organizationId) {
        String path = "/api/registry/organizations/" + organizationId;
        String direct = platform.serviceUrl("registry-service") + path;
        String viaGateway = platform.gatewayUrl() + path;
        int seconds = quick ? 5 : 10;
        int rounds = quick ? 2 : 3;
        long gatewayPid = ProcessCpu.pidOf("gateway");
        long servicePid = ProcessCpu.pidOf("registry-service");

        warmUp(direct, viaGateway);

        double directRps = 0;
        double gatewayRps = 0;
        long directRequests = 0;
        long gatewayRequests = 0;
        long serviceCpuDirect = 0;
        long serviceCpuViaGateway = 0;
        long gatewayCpu = 0;
        long errors = 0;
        for (int round = 0; round < rounds; round++) {
            long serviceBefore = ProcessCpu.micros(servicePid);
            LoadTools.Throughput d = LoadTools.wrk(direct, token, CONNECTIONS, seconds);
            long serviceBetween = ProcessCpu.micros(servicePid);
            long gatewayBefore = ProcessCpu.micros(gatewayPid);
            LoadTools.Throughput g = LoadTools.wrk(viaGateway, token, CONNECTIONS, seconds);
            gatewayCpu += ProcessCpu.micros(gatewayPid) - gatewayBefore;
            serviceCpuViaGateway += ProcessCpu.micros(servicePid) - serviceBetween;
            serviceCpuDirect += serviceBetween - serviceBefore;
            directRps += d.requestsPerSecond();
            gatewayRps += g.requestsPerSecond();
            directRequests += d.requests();
            gatewayRequests += g.requests();
            errors += d.errors() + g.errors();
        }
        directRps /= rounds;
        gatewayRps /= rounds;
        String how = "wrk, " + CONNECTIONS + " connections, mean of " + rounds + " alternating rounds of " + seconds + " s";
        report.put("GET direct, requests/s (" + how + ")", fmt(directRps));
        report.put("GET via gateway, requests/s", fmt(gatewayRps));
        report.put("gateway/direct throughput ratio", String.format(Locale.ROOT, "%.2f", gatewayRps / directRps));
        report.put("registry-service CPU per GET, direct (µs)", fmt((double) serviceCpuDirect / directRequests));
        report.put("registry-service CPU per GET, via gateway (µs)", fmt((double) serviceCpuViaGateway / gatewayRequests));
        report.put("gateway CPU per request (µs)", fmt((double) gatewayCpu / gatewayRequests));
        report.put("gateway CPU / registry-service CPU per request", String.format(Locale.ROOT, "%.2f",
                ((double) gatewayCpu / gatewayRequests) / ((double) serviceCpuViaGateway / gatewayRequests)));
        report.put("non-2xx answers during the throughput rounds", String.valueOf(errors));

        if (profile) {
            profile(direct, viaGateway, seconds, servicePid, gatewayPid);
        }

        int workers = 10;
        int ratePerWorker = 20;
        LoadTools.Latency d = LoadTools.hey(direct, token, workers, ratePerWorker, seconds);
        LoadTools.Latency g = LoadTools.hey(viaGateway, token, workers, ratePerWorker, seconds);
        String rate = workers * ratePerWorker + " req/s";
        report.put("GET direct at " + rate + ": p50 / p99 (ms)", fmt(d.p50Millis()) + " / " + fmt(d.p99Millis()));
        report.put("GET via gateway at " + rate + ": p50 / p99 (ms)", fmt(g.p50Millis()) + " / " + fmt(g.p99Millis()));
        report.put("gateway added latency at p50 / p99 (ms)", fmt(g.p50Millis() - d.p50Millis()) + " / " + fmt(g.p99Millis() - d.p99Millis()));
    }

    /**
     * Alternating rounds of 5 s on both paths until the last two of each are within {@link #STEADY} of each other
     * (the JIT compilers, C2 above all, otherwise still work through the measured rounds), at most 24 of each.
     */
    private void warmUp(String direct, String viaGateway) {
        int seconds = 5;
        int maxRounds = 24;
        long began = System.nanoTime();
        List<Double> directRounds = new ArrayList<>();
        List<Double> gatewayRounds = new ArrayList<>();
        while (directRounds.size() < maxRounds && !(steady(directRounds) && steady(gatewayRounds))) {
            directRounds.add(LoadTools.wrk(direct, token, CONNECTIONS, seconds).requestsPerSecond());
            gatewayRounds.add(LoadTools.wrk(viaGateway, token, CONNECTIONS, seconds).requestsPerSecond());
        }
        double took = (System.nanoTime() - began) / 1e9;
        boolean steady = steady(directRounds) && steady(gatewayRounds);
        report.put("warm-up until steady (consecutive " + seconds + "-s rounds within " + Math.round(STEADY * 100) + " %)",
                (steady ? "" : "NOT steady after ") + String.format(Locale.ROOT, "%.0f s, %d rounds of each path; last direct %s, via gateway %s requests/s",
                        took, directRounds.size(), fmt(last(directRounds)), fmt(last(gatewayRounds))));
        System.out.println("warm-up rounds, direct: " + directRounds + "; via gateway: " + gatewayRounds);
    }

    static boolean steady(List<Double> rounds) {
        if (rounds.size() < 2) {
            return false;
        }
        double a = rounds.get(rounds.size() - 2);
        double b = rounds.get(rounds.size() - 1);
        return Math.abs(a - b) <= STEADY * Math.max(a, b);
    }

    private static double last(List<Double> rounds) {
        return rounds.isEmpty() ? Double.NaN : rounds.get(rounds.size() - 1);
    }

    /** One more round of each path, recorded (not counted above: the recording costs a little). */
    private void profile(String direct, String viaGateway, int seconds, long servicePid, long gatewayPid) {
        JfrProfile service = JfrProfile.start(servicePid, "bench-direct", profileDir.resolve("registry-service-direct.jfr"));
        LoadTools.Throughput d = LoadTools.wrk(direct, token, CONNECTIONS, seconds);
        JfrProfile.Summary serviceDirect = service.stop();

        JfrProfile gateway = JfrProfile.start(gatewayPid, "bench-gateway", profileDir.resolve("gateway.jfr"));
        JfrProfile serviceBehind = JfrProfile.start(servicePid, "bench-behind", profileDir.resolve("registry-service-via-gateway.jfr"));
        LoadTools.Throughput g = LoadTools.wrk(viaGateway, token, CONNECTIONS, seconds);
        JfrProfile.Summary gatewaySummary = gateway.stop();
        JfrProfile.Summary behind = serviceBehind.stop();

        report.put("profiled rounds (JFR, settings=profile), requests/s direct / via gateway", fmt(d.requestsPerSecond()) + " / "
                + fmt(g.requestsPerSecond()) + " (recordings in " + profileDir + ")");
        sections.add("## Where the time goes: JFR execution samples, " + seconds + "-s rounds, wrk " + CONNECTIONS
                + " connections\n\n" + gatewaySummary.markdown("gateway, GET via gateway", TOP_FRAMES)
                + serviceDirect.markdown("registry-service, GET direct", TOP_FRAMES)
                + behind.markdown("registry-service, GET via gateway", TOP_FRAMES));
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
