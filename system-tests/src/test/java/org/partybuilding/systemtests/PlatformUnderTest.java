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
        Path root = Path.of(System.getProperty("system-tests.root", "..")).toAbsolutePath().normalize();
        int offset = Integer.getInteger("system-tests.port-offset", 10000);
        Path dataDir;
        try {
            dataDir = Files.createDirectories(root.resolve("system-tests/target/platform-data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalPlatform platform = new LocalPlatform(LocalSettings.builder()
                .repoRoot(root)
                .dataDir(dataDir)
                .reset(true)
                .portOffset(offset)
                .mongoUri(null)
                // Prometheus with deploy/prometheus's rules scrapes the platform under test (MonitoringIT reads it)
                .prometheus(true)
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
