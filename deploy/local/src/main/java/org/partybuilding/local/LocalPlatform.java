package org.partybuilding.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The whole platform on one machine: MongoDB wire protocol (in this JVM, or an external MongoDB), Kafka and
 * Keycloak (each its own JVM), then the five services and the gateway (each its own JVM). Usable from
 * {@link LocalPlatformMain} and as a library, e.g. by system tests:
 *
 * <pre>{@code
 * try (LocalPlatform platform = new LocalPlatform(LocalSettings.builder().dataDir(tmp).reset(true).build())) {
 *     platform.start();
 *     ... platform.gatewayUrl() ...
 * }
 * }</pre>
 *
 * <p>Why this file is longer than ~400 lines: it is the one facade the launcher, the system tests and the benchmarks
 * drive — the start order and readiness, the faults the tests inject (Kafka stopped, paused or killed, a module
 * killed, MongoDB paused), every address, and the summary a person reads after start. Each part it uses is its own
 * type: {@link LocalSettings} (how to run), {@link Ports} (ports and the free-port check), {@link PrivacyKey},
 * {@link MongoStore}, {@link KafkaBroker}, {@link KeycloakServer}, {@link PrometheusServer}, {@link SpringService},
 * {@link ProcessInfo}.
 */
public final class LocalPlatform implements AutoCloseable {

    /** The five services, in start order. */
    public static final List<String> SERVICES =
            List.of("registry-service", "branch-service", "member-service", "training-service", "funding-service");
    /** Started last, once every service it routes to is ready. */
    public static final String GATEWAY = "gateway";
    /** Every Spring module the platform can start. */
    public static final List<String> MODULES = List.of("registry-service", "branch-service", "member-service",
            "training-service", "funding-service", GATEWAY);

    /** Written into the data dir after the first start with every module up (and its hook) succeeded. */
    public static final String INITIALIZED_MARKER = ".initialized";

    /** Demo logins of the local realm (deploy/keycloak/local): user → what it may do. Password {@code demo}. */
    public static final Map<String, String> DEMO_USERS = demoUsers();

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration KEYCLOAK_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration PROMETHEUS_TIMEOUT = Duration.ofSeconds(60);

    /** Runs once, after the first start of a data dir with all modules healthy (issue 8: the demo district). */
    @FunctionalInterface
    public interface FirstStartHook {
        void afterFirstStart(LocalPlatform platform) throws Exception;
    }

    private final LocalSettings options;
    private final Ports ports;
    private final Path logs;
    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final KafkaBroker kafka;
    private final KeycloakServer keycloak;
    private final MongoStore mongo;
    private final PrometheusServer prometheus;
    private final List<SpringService> services = new CopyOnWriteArrayList<>();
    private final Map<String, Double> startSeconds = new LinkedHashMap<>();
    private boolean firstStart;
    private Duration startupTime = Duration.ZERO;
    private final AtomicBoolean closed = new AtomicBoolean();

    public LocalPlatform(LocalSettings options) {
        this.options = Objects.requireNonNull(options);
        this.ports = new Ports(options.portOffset);
        this.logs = options.dataDir.resolve("logs");
        this.kafka = new KafkaBroker(options.dataDir.resolve("kafka"), logs.resolve("kafka.log"), ports, java, options.jvmProfile);
        this.keycloak = new KeycloakServer(options.repoRoot, options.dataDir.resolve("keycloak"), logs,
                options.keycloakCacheDir, ports, options.replicas);
        this.mongo = options.mongoUri == null ? new MongoStore(options.dataDir.resolve("mongo"), ports.mongo(), options.inMemoryStore) : null;
        this.prometheus = options.prometheus
                ? new PrometheusServer(options.repoRoot, options.dataDir.resolve("prometheus"), logs.resolve("prometheus.log"), ports)
                : null;
    }

    /**
     * Starts everything and blocks until all of it is healthy. On failure stops what it started and throws a
     * {@link LocalPlatformException} naming the component, with the tail of its log.
     */
    public synchronized void start() {
        long began = System.nanoTime();
        try {
            prepareDataDir();
            List<SpringService> wanted = springServices();
            List<String> missing = wanted.stream().filter(s -> !s.hasJar()).map(SpringService::module).toList();
            if (!missing.isEmpty()) {
                throw new LocalPlatformException(missing.get(0), "no jar for " + String.join(", ", missing)
                        + " (expected <module>/target/<module>.jar); build first: ./mvnw -q -DskipTests install,"
                        + " or start fewer modules with --services / --no-services");
            }
            if (prometheus != null) {
                PrometheusServer.binary(); // refused before anything starts when it is missing
            }
            requireFreePorts();

            startInfrastructure();
            startServices(wanted);
            if (prometheus != null) {
                timed(PrometheusServer.NAME, () -> prometheus.start(PROMETHEUS_TIMEOUT));
            }

            startupTime = Duration.ofNanos(System.nanoTime() - began);
            if (firstStart && services.size() == MODULES.size() * options.replicas) {
                runFirstStartHook();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Stops the broker in order; its data stays (for tests of how services ride out a Kafka outage). */
    public synchronized void stopKafka() {
        kafka.stop();
        options.log.accept("kafka stopped");
    }

    /** Starts the broker again on the same port with the same data; blocks until it answers. */
    public synchronized void startKafka() {
        timed(KafkaBroker.NAME, () -> kafka.start(KAFKA_TIMEOUT));
    }

    // ---- fault injection (system tests): each does to one part what an outage does, and undoes it ------------------

    /** Freezes the broker's process (SIGSTOP): connections stay open and nothing answers, as a hung broker. */
    public synchronized void pauseKafka() {
        requireRunning(kafka.process(), KafkaBroker.NAME).signal("STOP");
        options.log.accept("kafka paused (SIGSTOP)");
    }

    /** Lets a paused broker go on (SIGCONT). */
    public synchronized void resumeKafka() {
        requireRunning(kafka.process(), KafkaBroker.NAME).signal("CONT");
        options.log.accept("kafka resumed (SIGCONT)");
    }

    /** Kills the broker (SIGKILL, no controlled shutdown); {@link #startKafka()} starts it again on its data. */
    public synchronized void killKafka() {
        kafka.kill();
        options.log.accept("kafka killed (SIGKILL)");
    }

    /** Kills a module's JVM (SIGKILL) as a crash would; {@link #startModule(String)} starts it again. */
    public synchronized void killModule(String module) {
        killModule(module, 0);
    }

    /** Kills one instance (0-based) of a module started with {@code replicas}. */
    public synchronized void killModule(String module, int instance) {
        SpringService service = service(module, instance);
        service.kill();
        options.log.accept(service.name() + " killed (SIGKILL)");
    }

    /** Starts a module that was killed and blocks until it is ready again. */
    public void startModule(String module) {
        startModule(module, 0);
    }

    /** Starts one instance of a module that was killed and blocks until it is ready again. */
    public void startModule(String module, int instance) {
        SpringService service = service(module, instance);
        timed(service.name(), () -> {
            service.start();
            service.awaitReady(SERVICE_TIMEOUT);
        });
    }

    /** The built-in MongoDB server stops answering (every command waits) until {@link #resumeMongo()}. */
    public synchronized void pauseMongo() {
        requireBuiltInMongo().pause();
        options.log.accept("mongo paused");
    }

    public synchronized void resumeMongo() {
        requireBuiltInMongo().resume();
        options.log.accept("mongo resumed");
    }

    private MongoStore requireBuiltInMongo() {
        if (mongo == null) {
            throw new LocalPlatformException("mongo", "an external MongoDB (MONGODB_URI) cannot be paused by the launcher");
        }
        return mongo;
    }

    private SpringService service(String module, int instance) {
        return services.stream().filter(s -> s.module().equals(module) && s.instance() == instance).findFirst()
                .orElseThrow(() -> new LocalPlatformException(SpringService.nameOf(module, instance), "not started by this platform"));
    }

    private static ChildProcess requireRunning(ChildProcess process, String name) {
        if (process == null || !process.isAlive()) {
            throw new LocalPlatformException(name, "not running");
        }
        return process;
    }

    /**
     * Stops every process this platform started: the gateway, then the services, then Kafka and Keycloak, then
     * MongoDB. Safe to call from a shutdown hook while {@link #start()} is still waiting (that start then fails).
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (prometheus != null) {
            prometheus.stop();
        }
        services.stream().filter(s -> s.module().equals(GATEWAY)).forEach(SpringService::stop);
        inParallel(services.stream().<Runnable>map(s -> s::stop).toList());
        inParallel(List.of(kafka::stop, keycloak::stop));
        if (mongo != null) {
            mongo.close();
        }
    }

    public String gatewayUrl() {
        return "http://localhost:" + ports.gateway();
    }

    /** Every gateway's URL, the first one first ({@code replicas} of them). */
    public List<String> gatewayUrls() {
        List<String> urls = new ArrayList<>();
        for (int instance = 0; instance < options.replicas; instance++) {
            urls.add("http://localhost:" + ports.http(GATEWAY, instance));
        }
        return urls;
    }

    /** How many instances of each module run ({@code --replicas}). */
    public int replicas() {
        return options.replicas;
    }

    public String swaggerUiUrl() {
        return gatewayUrl() + "/swagger-ui.html";
    }

    public String keycloakUrl() {
        return keycloak.url();
    }

    /** {@code http://localhost:8180/realms/party-building}: the {@code iss} of every token. */
    public String issuerUri() {
        return keycloak.issuerUri();
    }

    public String jwkSetUri() {
        return keycloak.jwkSetUri();
    }

    public String tokenUri() {
        return issuerUri() + "/protocol/openid-connect/token";
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Prometheus's URL when started with {@code --prometheus}, else null. */
    public String prometheusUrl() {
        return prometheus != null ? prometheus.url() : null;
    }

    public String mongoUri() {
        return mongo != null ? mongo.uri() : options.mongoUri;
    }

    /** A service's own base URL (bypassing the gateway), e.g. {@code http://127.0.0.1:8081}. */
    public String serviceUrl(String module) {
        return serviceUrl(module, 0);
    }

    /** One instance's own base URL (bypassing the gateway). */
    public String serviceUrl(String module, int instance) {
        return "http://127.0.0.1:" + ports.http(module, instance);
    }

    public Ports ports() {
        return ports;
    }

    public Path dataDir() {
        return options.dataDir;
    }

    /** True when this start found a data dir without {@link #INITIALIZED_MARKER} (new or reset). */
    public boolean isFirstStart() {
        return firstStart;
    }

    /** From {@link #start()} called to everything healthy. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Resident memory (VmRSS) in kB per process: {@code launcher} (with MongoDB), kafka, keycloak, each module. */
    public Map<String, Long> residentMemoryKb() {
        Map<String, Long> rss = new LinkedHashMap<>();
        rss.put(mongo != null ? "launcher+mongo" : "launcher", ProcessInfo.residentKb(ProcessHandle.current().pid()));
        if (kafka.process() != null) {
            rss.put(KafkaBroker.NAME, kafka.process().residentKb());
        }
        if (keycloak.process() != null) {
            rss.put(KeycloakServer.NAME, keycloak.process().residentKb());
        }
        if (prometheus != null && prometheus.process() != null) {
            rss.put(PrometheusServer.NAME, prometheus.process().residentKb());
        }
        for (SpringService service : services) {
            if (service.process() != null) {
                rss.put(service.name(), service.process().residentKb());
            }
        }
        return rss;
    }

    /** What a person needs after start: URLs, logins, time to healthy, memory. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nParty-Building Platform is up: all healthy in %.1f s%n", startupTime.toMillis() / 1000.0));
        if (services.stream().anyMatch(s -> s.module().equals(GATEWAY))) {
            out.append(String.format("  web portal  %s/  (any demo user below, password demo)%n  gateway     %s%n  Swagger UI  %s%n",
                    gatewayUrl(), gatewayUrl(), swaggerUiUrl()));
            for (String other : gatewayUrls().subList(1, gatewayUrls().size())) {
                out.append(String.format("  web portal  %s/  (another gateway: the same sessions, the same services)%n", other));
            }
        }
        services.stream().filter(s -> !s.module().equals(GATEWAY)).forEach(s ->
                out.append(String.format("  %-19s %s%n", s.name(), serviceUrl(s.module(), s.instance()))));
        if (services.isEmpty()) {
            out.append("  (infrastructure only: no services started)\n");
        }
        out.append(String.format("  Keycloak    %s  (admin console %s/admin, user %s, password %s)%n", keycloakUrl(),
                keycloakUrl(), KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD));
        out.append(String.format("  Kafka       %s%n  MongoDB     %s%n", kafkaBootstrapServers(), mongoUri()));
        if (prometheus != null) {
            // Debian's build serves only the classic UI (/classic/...); upstream's serves /targets and /alerts
            out.append(String.format("  Prometheus  %s  (targets %s/classic/targets or /targets, alerts /classic/alerts or /alerts)%n",
                    prometheusUrl(), prometheusUrl()));
        }
        out.append(String.format("  data        %s (logs in %s)%n", options.dataDir, logs));
        out.append("Demo logins (realm ").append(KeycloakServer.REALM).append(", password demo):\n");
        DEMO_USERS.forEach((user, role) -> out.append(String.format("  %-17s %s%n", user, role)));
        out.append(String.format("  client district-finance (client credentials), secret %s%n", KeycloakServer.LOCAL_FINANCE_SECRET));
        Map<String, Long> rss = residentMemoryKb();
        long total = rss.values().stream().mapToLong(Long::longValue).sum();
        out.append(String.format("Resident memory: %d MB in all%n ", total / 1024));
        rss.forEach((name, kb) -> out.append(String.format(" %s %d MB,", name, kb / 1024)));
        out.setLength(out.length() - 1);
        out.append("\nCtrl-C stops everything.");
        return out.toString();
    }

    // ---------------------------------------------------------------------------------------------------------

    private void prepareDataDir() {
        Path dataDir = options.dataDir.toAbsolutePath().normalize();
        if (options.reset && Files.exists(dataDir)) {
            Path root = options.repoRoot.toAbsolutePath().normalize();
            if (root.startsWith(dataDir) || dataDir.equals(Path.of(System.getProperty("user.home")))) {
                throw new LocalPlatformException("launcher", "refusing to reset " + dataDir + ": it holds the repository or is home");
            }
            options.log.accept("--reset: deleting " + dataDir);
            deleteTree(dataDir);
        }
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new LocalPlatformException("launcher", "cannot create " + logs + ": " + e, e);
        }
        firstStart = !Files.exists(dataDir.resolve(INITIALIZED_MARKER));
    }

    private List<SpringService> springServices() {
        List<SpringService> list = new ArrayList<>();
        for (int instance = 0; instance < options.replicas; instance++) {
            for (String module : MODULES) {
                if (options.modules.contains(module)) {
                    list.add(new SpringService(module, instance, options.repoRoot, java,
                            logs.resolve(SpringService.nameOf(module, instance) + ".log"),
                            ports.management(module, instance), serviceEnvironment(module, instance), options.jvmProfile));
                }
            }
        }
        return list;
    }

    /** The one address every listener of the local platform binds. */
    static final String LOOPBACK = "127.0.0.1";

    /** The environment every service reads (see DESIGN.md); the gateway also learns where the services and their health are. */
    Map<String, String> serviceEnvironment(String module) {
        return serviceEnvironment(module, 0);
    }

    /**
     * One instance's environment: its own ports and Kafka instance id (each instance a static member of its module's
     * consumer group, the group shared); a gateway learns every instance of every service and gets the session key.
     */
    Map<String, String> serviceEnvironment(String module, int instance) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(ports.http(module, instance)));
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(ports.management(module, instance)));
        // Loopback only, as Kafka, the MongoDB-protocol server, Keycloak and Prometheus here: nothing of the local
        // platform (its API, its management port with health details and metrics) answers another machine.
        env.put("SERVER_ADDRESS", LOOPBACK);
        env.put("MANAGEMENT_SERVER_ADDRESS", LOOPBACK);
        env.put("MONGODB_URI", mongoUri());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        env.put("PLATFORM_SECURITY_ISSUER_URI", issuerUri());
        env.put("PLATFORM_SECURITY_JWK_SET_URI", jwkSetUri());
        env.put("PLATFORM_PRIVACY_KEY", privacyKey());
        // a stable name per instance makes its Kafka consumers static group members, so an instance restarted after a
        // crash resumes its partitions at once (platform.kafka.instance-id); the instances of a module share its group
        env.put("PLATFORM_KAFKA_INSTANCE_ID", module.equals(GATEWAY) ? "" : "local-" + SpringService.nameOf(module, instance));
        if (module.equals(GATEWAY)) {
            // the portal's login: the gateway is Keycloak's confidential client `portal`
            env.put("PORTAL_CLIENT_SECRET", KeycloakServer.LOCAL_PORTAL_SECRET);
            // the portal's sessions, kept in the gateway's database `gateway`, sealed with this key
            env.put("GATEWAY_SESSION_KEY", sessionKey());
            for (String service : SERVICES) {
                String prefix = service.replace("-service", "").toUpperCase() + "_SERVICE_";
                env.put(prefix + "URI", serviceUrl(service));
                List<String> replicas = new ArrayList<>();
                for (int other = 1; other < options.replicas; other++) {
                    replicas.add(serviceUrl(service, other));
                }
                env.put(prefix + "REPLICA_URIS", String.join(",", replicas));
                // shown in the gateway's health (its `routes` indicator): the first instance's readiness
                env.put(prefix + "HEALTH_URI", "http://127.0.0.1:" + ports.management(service) + "/actuator/health/readiness");
            }
        }
        return env;
    }

    /**
     * The key that seals personal data at rest: made at random on the first start and kept in the data
     * directory (never in the repository), so what was stored stays readable across restarts.
     */
    synchronized String privacyKey() {
        return PrivacyKey.in(options.dataDir);
    }

    /** The key that seals the portal's sessions in the gateway's database: made and kept like the privacy key. */
    synchronized String sessionKey() {
        return PrivacyKey.in(options.dataDir, PrivacyKey.SESSION_KEY_FILE);
    }

    private void requireFreePorts() {
        Map<Integer, String> wanted = new LinkedHashMap<>();
        if (mongo != null) {
            wanted.put(ports.mongo(), "mongo");
        }
        wanted.put(ports.kafka(), "kafka");
        wanted.put(ports.kafkaController(), "kafka controller");
        wanted.put(ports.keycloak(), "keycloak");
        wanted.put(ports.keycloakManagement(), "keycloak management");
        if (prometheus != null) {
            wanted.put(ports.prometheus(), PrometheusServer.NAME);
        }
        for (int instance = 0; instance < options.replicas; instance++) {
            for (String module : options.modules) {
                String name = SpringService.nameOf(module, instance);
                wanted.put(ports.http(module, instance), name);
                wanted.put(ports.management(module, instance), name + " management");
            }
        }
        Ports.requireFree(wanted);
    }

    private void startInfrastructure() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> kafkaStarted = pool.submit(() -> timed(KafkaBroker.NAME, () -> kafka.start(KAFKA_TIMEOUT)));
            Future<?> keycloakStarted = pool.submit(() -> timed(KeycloakServer.NAME, () -> keycloak.start(KEYCLOAK_TIMEOUT)));
            if (mongo != null) {
                timed("mongo", mongo::start);
            }
            await(List.of(kafkaStarted, keycloakStarted));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The services a few at a time (two cores: more at once only slows each down), then the gateway. */
    private void startServices(List<SpringService> wanted) {
        List<SpringService> first = wanted.stream().filter(s -> !s.module().equals(GATEWAY)).toList();
        List<SpringService> last = wanted.stream().filter(s -> s.module().equals(GATEWAY)).toList();
        for (List<SpringService> wave : List.of(first, last)) {
            if (wave.isEmpty()) {
                continue;
            }
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.parallelServices, wave.size()));
            try {
                List<Future<?>> started = new ArrayList<>();
                for (SpringService service : wave) {
                    started.add(pool.submit(() -> timed(service.name(), () -> {
                        ensureOpen();
                        services.add(service);
                        service.start();
                        service.awaitReady(SERVICE_TIMEOUT);
                    })));
                }
                await(started);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private void runFirstStartHook() {
        if (options.firstStartHook != null) {
            options.log.accept("first start of " + options.dataDir + ": running the first-start hook");
            try {
                options.firstStartHook.afterFirstStart(this);
            } catch (Exception e) {
                throw new LocalPlatformException("first-start hook", e.toString(), e);
            }
        }
        try {
            Files.writeString(options.dataDir.resolve(INITIALIZED_MARKER), "initialized\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new LocalPlatformException("launcher", "closed while starting");
        }
    }

    private void timed(String component, Runnable start) {
        ensureOpen();
        long began = System.nanoTime();
        start.run();
        double seconds = (System.nanoTime() - began) / 1e9;
        synchronized (startSeconds) {
            startSeconds.put(component, seconds);
        }
        options.log.accept(String.format("%-16s ready in %5.1f s", component, seconds));
    }

    /** Seconds each component took to become ready in the last start (for reports and tuning). */
    public Map<String, Double> startSeconds() {
        synchronized (startSeconds) {
            return new LinkedHashMap<>(startSeconds);
        }
    }

    /** Waits for all; rethrows the first failure (a LocalPlatformException names its component). */
    private static void await(List<Future<?>> futures) {
        RuntimeException failure = null;
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new LocalPlatformException("launcher", e.getCause().toString(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalPlatformException("launcher", "interrupted");
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void inParallel(List<Runnable> tasks) {
        List<Thread> threads = tasks.stream().map(task -> new Thread(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                System.err.println("while stopping: " + e);
            }
        })).toList();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new LocalPlatformException("launcher", "cannot delete " + root + ": " + e, e);
        }
    }

    /** The directory holding {@code deploy/local}, found by walking up from {@code from}. */
    public static Path findRepoRoot(Path from) {
        for (Path dir = from.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy").resolve("local"))) {
                return dir;
            }
        }
        throw new LocalPlatformException("launcher", "no deploy/local above " + from.toAbsolutePath()
                + "; run from inside the repository or set the repository root");
    }

    /** $PARTY_BUILDING_CACHE_DIR, else $XDG_CACHE_HOME/party-building, else ~/.cache/party-building. */
    static Path defaultCacheDir() {
        String explicit = System.getenv("PARTY_BUILDING_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("party-building");
    }

    private static Map<String, String> demoUsers() {
        Map<String, String> users = new LinkedHashMap<>();
        users.put("district-admin", "district-admin: everything");
        users.put("committee-admin", "committee-admin: everything except funding policy");
        users.put("street-admin", "street-admin: street JIANSHE");
        users.put("branch-secretary", "branch-secretary: its party organization (set by the demo district)");
        users.put("finance", "finance: funding figures");
        users.put("auditor", "auditor: reads everything, personal data masked");
        return Collections.unmodifiableMap(users);
    }
}
