package org.partybuilding.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.partybuilding.local.LocalPlatform;

/**
 * The cost of one request: the same authenticated {@code GET /api/registry/organizations/{id}} directly to
 * registry-service and through the gateway, in alternating wrk rounds once both paths are steady (consecutive
 * warm-up rounds within {@link #STEADY}, the JIT compilers done), with the CPU time each process spent per request
 * (/proc). With {@code --profile}, Java Flight Recorder execution samples of the gateway and registry-service during
 * those rounds, summarised into the report (where the time goes, by concern, method and package). Then the same GET
 * on the bare frameworks underneath ({@link FloorProcesses}), in rounds alternating with both paths: the floor that
 * the targets (gateway at least 0.75 of direct, registry-service at half its CPU per GET) are measured against.
 */
final class GatewayBench {

    /** Warm-up is over when the last two rounds of each path differ by at most this share. */
    static final double STEADY = 0.05;
    private static final int CONNECTIONS = 16;
    private static final int TOP_FRAMES = 25;

    private final LocalPlatform platform;
    /** A fresh token (the realm's live 15 minutes; a slow warm-up and the rounds after it can take longer). */
    private final java.util.function.Supplier<String> tokens;
    private String token;
    private long tokenTakenAt;
    private final boolean quick;
    private final boolean profile;
    private final Path profileDir;
    private final Map<String, String> report;
    private final List<String> sections;
    /** {@code bench/floors/target/floors.jar}, built by run.sh; without it the floors are not measured. */
    private final Path floorsJar;
    private final List<String> jvmOptions;

    GatewayBench(LocalPlatform platform, java.util.function.Supplier<String> tokens, boolean quick, boolean profile, Path profileDir,
            Map<String, String> report, List<String> sections, Path floorsJar, List<String> jvmOptions) {
        this.platform = platform;
        this.tokens = tokens;
        this.quick = quick;
        this.profile = profile;
        this.profileDir = profileDir;
        this.report = report;
        this.sections = sections;
        this.floorsJar = floorsJar;
        this.jvmOptions = jvmOptions;
    }

    void run(String organizationId) {
        String path = "/api/registry/organizations/" + organizationId;
        String direct = platform.serviceUrl("registry-service") + path;
        String viaGateway = platform.gatewayUrl() + path;
        int seconds = quick ? 5 : 10;
        int rounds = quick ? 2 : 3;
        long gatewayPid = ProcessCpu.pidOf("gateway");
        long servicePid = ProcessCpu.pidOf("registry-service");

        // Recording from the start (samples only, next to no cost), so that the recorder's own start-up is over
        // long before the measured rounds; only the samples taken during those rounds are counted.
        JfrProfile gatewayProfile = profile ? JfrProfile.start(gatewayPid, "bench-gateway", profileDir.resolve("gateway.jfr")) : null;
        JfrProfile serviceProfile = profile ? JfrProfile.start(servicePid, "bench-service", profileDir.resolve("registry-service.jfr")) : null;

        warmUp(direct, viaGateway, servicePid, gatewayPid);

        double directRps = 0;
        double gatewayRps = 0;
        long directRequests = 0;
        long gatewayRequests = 0;
        long serviceCpuDirect = 0;
        long serviceCpuViaGateway = 0;
        long gatewayCpu = 0;
        long compilerCpu = 0;
        long errors = 0;
        List<String> perRound = new ArrayList<>();
        List<Instant[]> directWindows = new ArrayList<>();
        List<Instant[]> gatewayWindows = new ArrayList<>();
        long compilerBefore = ProcessCpu.compilerMicros(servicePid) + ProcessCpu.compilerMicros(gatewayPid);
        long allBefore = ProcessCpu.micros(servicePid) + ProcessCpu.micros(gatewayPid);
        for (int round = 0; round < rounds; round++) {
            long serviceBefore = ProcessCpu.micros(servicePid);
            Instant began = Instant.now();
            LoadTools.Throughput d = LoadTools.wrk(direct, token(), CONNECTIONS, seconds);
            directWindows.add(new Instant[] {began, Instant.now()});
            long serviceBetween = ProcessCpu.micros(servicePid);
            long gatewayBefore = ProcessCpu.micros(gatewayPid);
            began = Instant.now();
            LoadTools.Throughput g = LoadTools.wrk(viaGateway, token(), CONNECTIONS, seconds);
            gatewayWindows.add(new Instant[] {began, Instant.now()});
            gatewayCpu += ProcessCpu.micros(gatewayPid) - gatewayBefore;
            serviceCpuViaGateway += ProcessCpu.micros(servicePid) - serviceBetween;
            serviceCpuDirect += serviceBetween - serviceBefore;
            directRps += d.requestsPerSecond();
            gatewayRps += g.requestsPerSecond();
            directRequests += d.requests();
            gatewayRequests += g.requests();
            errors += d.errors() + g.errors();
            perRound.add(fmt(d.requestsPerSecond()) + " / " + fmt(g.requestsPerSecond()));
        }
        compilerCpu = ProcessCpu.compilerMicros(servicePid) + ProcessCpu.compilerMicros(gatewayPid) - compilerBefore;
        long allCpu = ProcessCpu.micros(servicePid) + ProcessCpu.micros(gatewayPid) - allBefore;
        directRps /= rounds;
        gatewayRps /= rounds;
        double serviceDirectMicros = (double) serviceCpuDirect / directRequests;
        double serviceBehindMicros = (double) serviceCpuViaGateway / gatewayRequests;
        double gatewayMicros = (double) gatewayCpu / gatewayRequests;
        String how = "wrk, " + CONNECTIONS + " connections, mean of " + rounds + " alternating rounds of " + seconds + " s";
        report.put("GET direct, requests/s (" + how + ")", fmt(directRps));
        report.put("GET via gateway, requests/s", fmt(gatewayRps));
        report.put("gateway/direct throughput ratio", String.format(Locale.ROOT, "%.2f", gatewayRps / directRps));
        report.put("each round, direct / via gateway (requests/s)", String.join("; ", perRound));
        report.put("registry-service CPU per GET, direct (µs)", fmt(serviceDirectMicros));
        report.put("registry-service CPU per GET, via gateway (µs)", fmt(serviceBehindMicros));
        report.put("gateway CPU per request (µs)", fmt(gatewayMicros));
        report.put("gateway CPU / registry-service CPU per request", String.format(Locale.ROOT, "%.2f", gatewayMicros / serviceBehindMicros));
        report.put("JIT compiler threads' share of the two processes' CPU during the rounds",
                String.format(Locale.ROOT, "%.1f %%", 100.0 * compilerCpu / Math.max(1, allCpu)));
        report.put("non-2xx answers during the throughput rounds", String.valueOf(errors));

        if (profile) {
            gatewayProfile.stop();
            serviceProfile.stop();
            sections.add("## Where the time goes: JFR execution samples (every 10 ms) during the measured rounds above\n\n"
                    + "Recordings: " + profileDir + " (`jfr print --events jdk.ExecutionSample <file>`).\n\n"
                    + gatewayProfile.samples(gatewayWindows).markdown("gateway, its rounds (GET via gateway)", TOP_FRAMES)
                    + serviceProfile.samples(directWindows).markdown("registry-service, the direct rounds", TOP_FRAMES)
                    + serviceProfile.samples(gatewayWindows).markdown("registry-service, the rounds via gateway", TOP_FRAMES));
        }

        floors(path, direct, viaGateway, servicePid, gatewayPid, seconds, rounds);

        int workers = 10;
        int ratePerWorker = 20;
        LoadTools.Latency d = LoadTools.hey(direct, token(), workers, ratePerWorker, seconds);
        LoadTools.Latency g = LoadTools.hey(viaGateway, token(), workers, ratePerWorker, seconds);
        String rate = workers * ratePerWorker + " req/s";
        report.put("GET direct at " + rate + ": p50 / p99 (ms)", fmt(d.p50Millis()) + " / " + fmt(d.p99Millis()));
        report.put("GET via gateway at " + rate + ": p50 / p99 (ms)", fmt(g.p50Millis()) + " / " + fmt(g.p99Millis()));
        report.put("gateway added latency at p50 / p99 (ms)", fmt(g.p50Millis() - d.p50Millis()) + " / " + fmt(g.p99Millis() - d.p99Millis()));
    }

    /**
     * Alternating rounds of 5 s on both paths until, over the last three, the CPU time per request of the service
     * (direct) and of the gateway each stays within {@link #STEADY} and the JIT compilers of both took under
     * {@link #STEADY} of their CPU in the last pair of rounds (C2 above all otherwise still works through the measured
     * rounds); at most 36 of each. CPU per request, not requests/s: the machine is shared, and another process's load
     * moves the throughput of a round by far more than 5 % while the platform's own cost per request stays put.
     */
    private void warmUp(String direct, String viaGateway, long servicePid, long gatewayPid) {
        int seconds = 5;
        int maxRounds = 36;
        long began = System.nanoTime();
        List<Double> directRounds = new ArrayList<>();
        List<Double> gatewayRounds = new ArrayList<>();
        List<Double> serviceCpu = new ArrayList<>();
        List<Double> gatewayCpu = new ArrayList<>();
        double compilerShare = 1;
        while (directRounds.size() < maxRounds && !(steady(serviceCpu) && steady(gatewayCpu) && compilerShare < STEADY)) {
            long compilerBefore = ProcessCpu.compilerMicros(servicePid) + ProcessCpu.compilerMicros(gatewayPid);
            long allBefore = ProcessCpu.micros(servicePid) + ProcessCpu.micros(gatewayPid);
            long serviceBefore = ProcessCpu.micros(servicePid);
            LoadTools.Throughput d = LoadTools.wrk(direct, token(), CONNECTIONS, seconds);
            serviceCpu.add((double) (ProcessCpu.micros(servicePid) - serviceBefore) / Math.max(1, d.requests()));
            long gatewayBefore = ProcessCpu.micros(gatewayPid);
            LoadTools.Throughput g = LoadTools.wrk(viaGateway, token(), CONNECTIONS, seconds);
            gatewayCpu.add((double) (ProcessCpu.micros(gatewayPid) - gatewayBefore) / Math.max(1, g.requests()));
            directRounds.add(d.requestsPerSecond());
            gatewayRounds.add(g.requestsPerSecond());
            long all = ProcessCpu.micros(servicePid) + ProcessCpu.micros(gatewayPid) - allBefore;
            compilerShare = (double) (ProcessCpu.compilerMicros(servicePid) + ProcessCpu.compilerMicros(gatewayPid) - compilerBefore)
                    / Math.max(1, all);
        }
        double took = (System.nanoTime() - began) / 1e9;
        boolean steady = steady(serviceCpu) && steady(gatewayCpu) && compilerShare < STEADY;
        report.put("warm-up until steady (over the last three " + seconds + "-s rounds of each path, CPU per request of the service and "
                + "of the gateway within " + Math.round(STEADY * 100) + " %, JIT compilers under " + Math.round(STEADY * 100) + " % of the CPU)",
                (steady ? "" : "NOT steady after ") + String.format(Locale.ROOT,
                        "%.0f s, %d rounds of each path; last round: direct %s requests/s, %s µs; via gateway %s requests/s, "
                                + "gateway %s µs; JIT %.1f %% of the CPU",
                        took, directRounds.size(), fmt(last(directRounds)), fmt(last(serviceCpu)), fmt(last(gatewayRounds)),
                        fmt(last(gatewayCpu)), 100 * compilerShare));
        System.out.println("warm-up rounds, direct requests/s: " + directRounds + "; via gateway: " + gatewayRounds
                + "; registry-service µs per request: " + serviceCpu + "; gateway µs per request: " + gatewayCpu);
    }

    /**
     * The same GET on the bare frameworks ({@link FloorProcesses}): each warmed up alone until its CPU per request is
     * steady, then rounds alternating direct, via gateway and each floor, so that all are measured in the same minutes.
     * A bare Spring Cloud Gateway's throughput against direct is the most any gateway on it can reach on this machine;
     * the bare service's CPU per GET is the least a service on WebFlux and the reactive driver can spend.
     */
    private void floors(String path, String direct, String viaGateway, long servicePid, long gatewayPid, int seconds, int rounds) {
        if (!java.nio.file.Files.isRegularFile(floorsJar)) {
            report.put("floors (bare frameworks)", "not measured: " + floorsJar + " missing (bench/run.sh builds bench/floors)");
            return;
        }
        try (FloorProcesses started = FloorProcesses.start(floorsJar, jvmOptions, floorsJar.getParent().resolve("logs"),
                platform.serviceUrl("registry-service"), platform.mongoUri(), path, token())) {
            List<FloorProcesses.Floor> floors = started.floors();
            long began = System.nanoTime();
            int warmUpRounds = 0;
            for (FloorProcesses.Floor floor : floors) {
                List<Double> cpu = new ArrayList<>();
                while (cpu.size() < 24 && !steady(cpu)) {
                    long before = ProcessCpu.micros(floor.pid());
                    LoadTools.Throughput t = LoadTools.wrk(floor.url(), token(), CONNECTIONS, 5);
                    cpu.add((double) (ProcessCpu.micros(floor.pid()) - before) / Math.max(1, t.requests()));
                }
                warmUpRounds += cpu.size();
            }
            String[] names = new String[floors.size() + 2];
            String[] urls = new String[names.length];
            long[] pids = new long[names.length];
            names[0] = "direct";
            urls[0] = direct;
            pids[0] = servicePid;
            names[1] = "via gateway";
            urls[1] = viaGateway;
            pids[1] = gatewayPid;
            for (int i = 0; i < floors.size(); i++) {
                names[i + 2] = floors.get(i).name();
                urls[i + 2] = floors.get(i).url();
                pids[i + 2] = floors.get(i).pid();
            }
            double[] rps = new double[names.length];
            long[] requests = new long[names.length];
            long[] cpu = new long[names.length];
            long serviceBehind = 0;
            long errors = 0;
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < names.length; i++) {
                    long before = ProcessCpu.micros(pids[i]);
                    long serviceBefore = ProcessCpu.micros(servicePid);
                    LoadTools.Throughput t = LoadTools.wrk(urls[i], token(), CONNECTIONS, seconds);
                    cpu[i] += ProcessCpu.micros(pids[i]) - before;
                    if (i == 1) {
                        serviceBehind += ProcessCpu.micros(servicePid) - serviceBefore;
                    }
                    rps[i] += t.requestsPerSecond() / rounds;
                    requests[i] += t.requests();
                    errors += t.errors();
                }
            }
            String floorGateway = names[2];
            String floorProxy = names[3];
            String floorService = names[4];
            report.put("floors: warm-up (each bare process alone, 5-s rounds until its CPU per request is within "
                    + Math.round(STEADY * 100) + " % over three)", String.format(Locale.ROOT, "%.0f s, %d rounds",
                    (System.nanoTime() - began) / 1e9, warmUpRounds));
            StringBuilder throughput = new StringBuilder();
            for (int i = 0; i < names.length; i++) {
                throughput.append(i == 0 ? "" : "; ").append(names[i]).append(' ').append(fmt(rps[i]));
            }
            report.put("floors: GET requests/s, mean of " + rounds + " rounds of " + seconds + " s alternating all five paths "
                    + "(the bare gateway and proxy route to registry-service; the bare service reads its database)", throughput.toString());
            report.put("floors: throughput / direct — the platform's gateway, " + floorGateway + ", " + floorProxy,
                    String.format(Locale.ROOT, "%.2f, %.2f, %.2f (issue 23's target for the gateway: 0.75)",
                            rps[1] / rps[0], rps[2] / rps[0], rps[3] / rps[0]));
            report.put("floors: CPU per request (µs) — the platform's gateway, " + floorGateway + ", " + floorProxy,
                    fmt((double) cpu[1] / requests[1]) + ", " + fmt((double) cpu[2] / requests[2]) + ", " + fmt((double) cpu[3] / requests[3])
                            + "; registry-service behind the gateway " + fmt((double) serviceBehind / requests[1]));
            report.put("floors: CPU per GET (µs) — registry-service direct, " + floorService,
                    fmt((double) cpu[0] / requests[0]) + ", " + fmt((double) cpu[4] / requests[4])
                            + " (issue 23's target for registry-service: half its CPU per GET of 2026-12-06, 560–590 µs)");
            report.put("floors: non-2xx answers", String.valueOf(errors));
        }
    }

    /** The last three rounds within {@link #STEADY} of their highest. */
    static boolean steady(List<Double> rounds) {
        if (rounds.size() < 3) {
            return false;
        }
        List<Double> last = rounds.subList(rounds.size() - 3, rounds.size());
        double max = last.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double min = last.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        return max - min <= STEADY * max;
    }

    /** The token for the next round: a new one every 5 minutes. */
    private String token() {
        if (token == null || System.nanoTime() - tokenTakenAt > 300_000_000_000L) {
            token = tokens.get();
            tokenTakenAt = System.nanoTime();
        }
        return token;
    }

    private static double last(List<Double> rounds) {
        return rounds.isEmpty() ? Double.NaN : rounds.get(rounds.size() - 1);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
