package org.partybuilding.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.partybuilding.local.LocalPlatform;
import org.partybuilding.local.LocalSettings;

/**
 * The whole local platform (real Kafka, real Keycloak, the MongoDB-protocol server, every service
 * and the gateway as its own JVM) in a fresh data dir, on ports moved by an offset so that it can
 * run beside a developer's {@code ./run.sh}.
 */
final class PlatformUnderTest implements AutoCloseable {

    private static PlatformUnderTest shared;

    private final LocalPlatform platform;

    private PlatformUnderTest(LocalPlatform platform) {
        this.platform = platform;
    }

    /**
     * One platform for every test class of the run (a start takes minutes on two cores): started by the first
     * class that asks, stopped when the test JVM exits. Classes therefore never assume an empty district; the
     * order (junit-platform.properties, {@code @Order}) puts ThinSliceIT's Kafka outage first.
     */
    static synchronized PlatformUnderTest shared() {
        if (shared == null) {
            shared = start();
            PlatformUnderTest started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "platform-under-test-stop"));
        }
        return shared;
    }

    static PlatformUnderTest start() {
        // Prometheus with deploy/prometheus's rules scrapes the platform under test (MonitoringIT reads it)
        return start("platform-data", builder -> builder.prometheus(true));
    }

    /**
     * A platform of its own with {@code replicas} instances of every service and of the gateway (ReplicasIT, in a
     * failsafe execution and JVM of its own after the shared platform's): no Prometheus, no demo district.
     */
    static PlatformUnderTest startReplicated(int replicas) {
        return start("platform-data-replicas", builder -> builder.replicas(replicas));
    }

    private static PlatformUnderTest start(String dataDirName, java.util.function.UnaryOperator<LocalSettings.Builder> settings) {
        Path root = Path.of(System.getProperty("system-tests.root", "..")).toAbsolutePath().normalize();
        int offset = Integer.getInteger("system-tests.port-offset", 10000);
        Path dataDir;
        try {
            dataDir = Files.createDirectories(root.resolve("system-tests/target").resolve(dataDirName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalPlatform platform = new LocalPlatform(settings.apply(LocalSettings.builder()
                .repoRoot(root)
                .dataDir(dataDir)
                .reset(true)
                .portOffset(offset)
                .mongoUri(null))
                .build());
        try {
            platform.start();
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        System.out.println(platform.summary());
        return new PlatformUnderTest(platform);
    }

    String gatewayUrl() {
        return platform.gatewayUrl();
    }

    /** Every gateway, the first one first. */
    java.util.List<String> gatewayUrls() {
        return platform.gatewayUrls();
    }

    /** One instance's own API (bypassing the gateways). */
    String serviceUrl(String module, int instance) {
        return platform.serviceUrl(module, instance);
    }

    String keycloakUrl() {
        return platform.keycloakUrl();
    }

    /** A module's own API base URL (its port, not the gateway's), e.g. {@code registry-service}. */
    String serviceUrl(String module) {
        return "http://127.0.0.1:" + platform.ports().http(module);
    }

    /** The management (actuator) base URL of a module, for what an operator would read. */
    String managementUrl(String module) {
        return "http://127.0.0.1:" + platform.ports().management(module);
    }

    String prometheusUrl() {
        return platform.prometheusUrl();
    }

    String kafkaBootstrapServers() {
        return platform.kafkaBootstrapServers();
    }

    void stopKafka() {
        platform.stopKafka();
    }

    void startKafka() {
        platform.startKafka();
    }

    void pauseKafka() {
        platform.pauseKafka();
    }

    void resumeKafka() {
        platform.resumeKafka();
    }

    void killKafka() {
        platform.killKafka();
    }

    void killModule(String module) {
        platform.killModule(module);
    }

    void startModule(String module) {
        platform.startModule(module);
    }

    void killModule(String module, int instance) {
        platform.killModule(module, instance);
    }

    void startModule(String module, int instance) {
        platform.startModule(module, instance);
    }

    void pauseMongo() {
        platform.pauseMongo();
    }

    void resumeMongo() {
        platform.resumeMongo();
    }

    @Override
    public void close() {
        platform.close();
    }
}
