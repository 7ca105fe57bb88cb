package org.partybuilding.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.bson.Document;
import org.partybuilding.local.GatewayClient;
import org.partybuilding.local.JvmProfile;
import org.partybuilding.local.LocalPlatform;
import org.partybuilding.local.LocalSettings;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmarks of the foundation, each reported as a ratio or distribution measured side by side in
 * one run on one machine (it is shared and noisy, so absolute numbers mean little):
 * <ol>
 * <li>gateway vs a direct call to registry-service for the same authenticated GET, once steady: throughput
 * ratio (alternating rounds), CPU microseconds per request of the gateway and of the service, p50/p99 at a fixed
 * rate, and with {@code --profile} where their time goes ({@link GatewayBench});</li>
 * <li>event propagation from registry-service's write to branch-service's read model at a steady
 * rate: p50/p99;</li>
 * <li>the audit trail's cost per write: PATCHes of organizations with a fresh and with a long history, and the
 * document's bytes per audit record ({@link AuditBench});</li>
 * <li>the organization register at 10,000 organizations: CSV import rows/s through the gateway and
 * directly, and list/filter p50/p99 at a fixed rate ({@link RegistryBench});</li>
 * <li>member-service at 100,000 members ({@link MemberBench}); branch-service's coverage and joint plan at 10,000
 * organizations and 100,000 members ({@link BranchBench}).</li>
 * <li>training-service's compliance report over 2,500 party organizations and a year of 100,000 activities
 * ({@link TrainingBench}).</li>
 * <li>funding-service's allocation run and reports at 10,000 party organizations and 100,000 members
 * ({@link FundingBench}).</li>
 * <li>the demo district generator and loader at 10,000 organizations and 100,000 members ({@link DemoBench}, only
 * as {@code demo}: it needs an empty platform).</li>
 * </ol>
 * Everything runs on loopback, bounded in count and time. Usage: {@code bench/run.sh [gateway|propagation|audit|registry|member|training|branch|funding|demo|all] [--quick]}.
 */
public final class Bench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Ports of the benchmarked platform: beside a developer's platform (offset 0) and the system tests (10000). */
    private static final int PORT_OFFSET = 20000;

    private final boolean quick;
    private final LocalPlatform platform;
    private final Map<String, String> report = new LinkedHashMap<>();
    /** Markdown after the report's table (the gateway measure's profiles). */
    private final List<String> sections = new java.util.ArrayList<>();
    private final List<String> creditCodes;
    private int nextCode;
    private String token;

    private Bench(boolean quick, LocalPlatform platform) {
        this.quick = quick;
        this.platform = platform;
        this.creditCodes = loadCreditCodes();
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        boolean quick = arguments.contains("--quick");
        // One or more measures on one platform start, in the order below; none named: all (demo excepted).
        List<String> named = arguments.stream().filter(a -> !a.startsWith("--")).toList();
        List<String> modes = named.isEmpty() ? List.of("all") : named;
        for (String mode : modes) {
            if (!List.of("gateway", "propagation", "audit", "registry", "member", "training", "branch", "funding", "daily", "demo", "all").contains(mode)) {
                throw new IllegalArgumentException("Unknown measure " + mode
                        + "; usage: bench/run.sh [gateway|propagation|audit|registry|member|training|branch|funding|daily|demo|all ...] [--quick] [--durable-store] [--fast-start-jvms] [--profile] [--jars-from=DIR] [--report=FILE] [--hold]");
            }
        }
        java.util.function.Predicate<String> runs = measure -> modes.contains(measure) || (modes.contains("all") && !measure.equals("demo"));
        Path root = LocalPlatform.findRepoRoot(Path.of(""));
        // --jars-from=DIR: the services and the gateway from another checkout's built jars (e.g. the commit before a
        // change, measured in the same session by the same bench); its realm too. Data and report stay here.
        Path jarsRoot = arguments.stream().filter(a -> a.startsWith("--jars-from=")).findFirst()
                .map(a -> Path.of(a.substring("--jars-from=".length())).toAbsolutePath().normalize()).orElse(root);
        ProcessCpu.jarsFrom(jarsRoot);
        JvmProfile jvmProfile = arguments.contains("--fast-start-jvms") ? JvmProfile.FAST_START : JvmProfile.THROUGHPUT;
        try (LocalPlatform platform = new LocalPlatform(LocalSettings.builder()
                .repoRoot(jarsRoot)
                .dataDir(root.resolve("bench/target/platform-data"))
                .reset(true)
                .portOffset(PORT_OFFSET)
                .mongoUri(null)
                // The services are measured, not the emulator's persistence: the MongoDB-protocol server keeps
                // data in memory unless --durable-store asks for the local run's H2 file store.
                .inMemoryStore(!arguments.contains("--durable-store"))
                // The services as production runs them (full JIT); ./run.sh's C1-only quick-start JVMs on request.
                .jvmProfile(jvmProfile)
                .build())) {
            platform.start();
            Bench bench = new Bench(quick, platform);
            bench.token = bench.committeeAdminToken();
            try {
                if (runs.test("gateway")) {
                    new GatewayBench(platform, () -> bench.token("committee-admin"), quick, arguments.contains("--profile"),
                            root.resolve("bench/target/profiles"), bench.report, bench.sections,
                            root.resolve("bench/floors/target/floors.jar"), jvmProfile.serviceOptions()).run(bench.register());
                }
                if (runs.test("propagation")) {
                    bench.eventPropagation();
                }
                if (runs.test("audit")) {
                    new AuditBench(platform, bench::register, bench.token, quick, bench.report).run();
                }
                if (runs.test("registry")) {
                    // The import needs a district-wide writer: district-admin, like a district's civil affairs office.
                    new RegistryBench(platform, bench.token("district-admin"), quick, bench.report).run();
                }
                if (runs.test("member")) {
                    new MemberBench(platform, bench.token("district-admin"), quick, bench.report, arguments.contains("--profile"),
                            root.resolve("bench/target/profiles"), bench.sections).run();
                }
                if (runs.test("training")) {
                    new TrainingBench(platform, () -> bench.token("district-admin"), quick, bench.report).run();
                }
                if (runs.test("branch")) {
                    new BranchBench(platform, () -> bench.token("district-admin"), quick, bench.report).run();
                }
                if (runs.test("funding")) {
                    new FundingBench(platform, () -> bench.token("district-admin"), () -> bench.token("finance"), quick,
                            bench.report).run();
                }
                if (runs.test("daily")) { // after "branch": the inbox and annual report on its district; after "member" alone:
                    // member-service's part on that measure's members
                    new DailyToolsBench(platform, () -> bench.token("committee-admin"), bench.report,
                            runs.test("member") && !runs.test("branch") ? List.of("members") : DailyToolsBench.ALL).run();
                }
                if (runs.test("demo")) { // not in "all": it needs a district of its own (absolute figures)
                    new DemoBench(platform, quick, bench.report).run();
                }
            } catch (RuntimeException | Error failure) {
                // in the report too: a measure's failure must not pass for a missing line
                bench.report.put("FAILED", failure.toString());
                failure.printStackTrace();
                throw failure;
            } finally {
                // What was measured is reported even when a later measure fails.
                bench.hold(arguments.contains("--hold"));
                if (!jarsRoot.equals(root)) {
                    bench.report.put("jars from", jarsRoot + " (" + gitHead(jarsRoot) + ")");
                }
                bench.report.put("MongoDB-protocol server store", arguments.contains("--durable-store") ? "H2 file (as ./run.sh)" : "in memory");
                bench.report.put("service and Kafka JVMs", arguments.contains("--fast-start-jvms")
                        ? "C1 only, 256 MB heaps (as ./run.sh)" : "full JIT, 1 GB heaps (as in production)");
                bench.print(arguments.stream().filter(a -> a.startsWith("--report=")).findFirst()
                        .map(a -> a.substring("--report=".length())).orElse("bench-report.md"));
            }
        }
    }

    /**
     * With {@code --hold}: keeps the loaded platform up for probing by hand (at most 40 minutes, or until the file
     * bench/target/release exists), printing its addresses and a district-admin token.
     */
    private void hold(boolean hold) {
        if (!hold) {
            return;
        }
        Path release = LocalPlatform.findRepoRoot(Path.of("")).resolve("bench/target/release");
        System.out.println("holding: gateway " + platform.gatewayUrl() + ", branch-service " + platform.serviceUrl("branch-service")
                + ", funding-service " + platform.serviceUrl("funding-service") + ", MongoDB " + platform.mongoUri()
                + "; token endpoint " + platform.tokenUri() + "; touch " + release + " to stop");
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(40).toNanos();
        while (System.nanoTime() < deadline && !Files.exists(release)) {
            GatewayClient.sleep(2000);
        }
    }

    /** Registers organizations at a steady rate and times each one's arrival in branch-service's read model. */
    private void eventPropagation() throws InterruptedException {
        int perSecond = 20;
        int count = Math.min(creditCodes.size() - nextCode, quick ? 100 : 400);
        Map<String, Long> written = new ConcurrentHashMap<>();
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        try (MongoClient mongo = MongoClients.create(platform.mongoUri())) {
            MongoCollection<Document> readModel = mongo.getDatabase("branch").getCollection("organizations");
            Thread poller = new Thread(() -> pollArrivals(readModel, written, arrived), "arrival-poller");
            poller.setDaemon(true);
            poller.start();
            long intervalNanos = 1_000_000_000L / perSecond;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                String id = register();
                written.put(id, System.nanoTime());
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (arrived.size() < written.size() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            poller.interrupt();
        }
        List<Double> millis = written.entrySet().stream()
                .filter(e -> arrived.containsKey(e.getKey()))
                .map(e -> Math.max(0, arrived.get(e.getKey()) - e.getValue()) / 1_000_000.0)
                .sorted().collect(Collectors.toList());
        report.put("event propagation: organizations written at " + perSecond + "/s", String.valueOf(written.size()));
        report.put("event propagation: arrived in branch-service's read model", String.valueOf(millis.size()));
        report.put("event propagation p50 / p99 / max (ms, polled every 2 ms)",
                fmt(percentile(millis, 50)) + " / " + fmt(percentile(millis, 99)) + " / " + fmt(millis.isEmpty() ? 0 : millis.get(millis.size() - 1)));
    }

    private static void pollArrivals(MongoCollection<Document> readModel, Map<String, Long> written, Map<String, Long> arrived) {
        while (!Thread.currentThread().isInterrupted()) {
            List<String> pending = written.keySet().stream().filter(id -> !arrived.containsKey(id)).toList();
            if (!pending.isEmpty()) {
                for (Document d : readModel.find(Filters.in("_id", pending)).projection(Projections.include("_id"))) {
                    arrived.putIfAbsent(d.getString("_id"), System.nanoTime());
                }
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private String register() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "基准测试组织" + nextCode);
        body.put("creditCode", creditCodes.get(nextCode++));
        body.put("type", "SOCIAL_GROUP");
        body.put("registrationLevel", "DISTRICT");
        body.put("registeredOn", "2024-01-15");
        body.put("industry", "OTHER");
        body.put("street", "JIANSHE");
        body.put("legalRepresentative", Map.of("name", "测试", "partyMember", false));
        body.put("employees", 5);
        body.put("fullTimeStaff", 2);
        body.put("operatingStatus", "NORMAL");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(platform.serviceUrl("registry-service") + "/api/registry/organizations"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Registration failed: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asString();
    }

    private String committeeAdminToken() {
        return token("committee-admin");
    }

    /** An access token of a demo user of the local realm (password demo). */
    private String token(String user) {
        return GatewayClient.token(platform.tokenUri(), user);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        return GatewayClient.exchange(request);
    }

    private static List<String> loadCreditCodes() {
        try (InputStream in = Bench.class.getResourceAsStream("/credit-codes.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** The commit a checkout is at, for the report. */
    private static String gitHead(Path checkout) {
        try {
            Process git = new ProcessBuilder("git", "-C", checkout.toString(), "log", "-1", "--format=%h %s").redirectErrorStream(true).start();
            String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            git.waitFor();
            return head.length() > 80 ? head.substring(0, 80) + "…" : head;
        } catch (IOException e) {
            return "unknown commit";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown commit";
        }
    }

    private void print(String name) throws IOException {
        StringBuilder out = new StringBuilder("| measure | value |\n|---|---|\n");
        report.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        sections.forEach(section -> out.append('\n').append(section));
        System.out.println();
        System.out.println(out);
        Path file = LocalPlatform.findRepoRoot(Path.of("")).resolve("bench/target").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        System.out.println("Written to " + file.toAbsolutePath());
    }
}
