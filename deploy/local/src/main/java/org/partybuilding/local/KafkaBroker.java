package org.partybuilding.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * Apache Kafka in KRaft mode (one node, broker and controller together) as its own JVM, run from the Kafka jars
 * that Maven resolved for this module. Its configuration and log segments live under {@code <dataDir>/kafka/}.
 */
final class KafkaBroker extends RunsAsChildProcess {

    static final String NAME = "kafka";
    private static final String CLASSPATH_RESOURCE = "kafka-classpath.txt";

    private final Path dir;
    private final Path log;
    private final Ports ports;
    private final Path java;
    private final JvmProfile profile;

    KafkaBroker(Path dir, Path log, Ports ports, Path java, JvmProfile profile) {
        super(Duration.ofSeconds(60));
        this.profile = profile;
        this.dir = dir;
        this.log = log;
        this.ports = ports;
        this.java = java;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + ports.kafka();
    }

    /** Formats the storage on first use, starts the broker and waits until it answers an admin request. */
    void start(Duration timeout) {
        Path properties = dir.resolve("server.properties");
        Path logDirs = dir.resolve("logs");
        try {
            Files.createDirectories(logDirs);
            Files.writeString(properties, serverProperties(logDirs, ports.kafka(), ports.kafkaController()));
        } catch (IOException e) {
            throw new LocalPlatformException(NAME, "cannot write " + properties + ": " + e.getMessage(), e);
        }
        String classpath = classpath();
        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            ChildProcess.run(NAME, command(classpath, "kafka.tools.StorageTool", "format",
                    "-t", Uuid.randomUuid().toString(), "-c", properties.toString()), Map.of(), dir, log, timeout);
        }
        process = ChildProcess.start(NAME, command(classpath, "kafka.Kafka", properties.toString()), Map.of(), dir, log);
        Readiness.await(process, timeout, () -> Readiness.tcpOpen(ports.kafka()) && answersAdminRequest());
    }

    /** Stops the broker in order (SIGTERM → controlled shutdown), killing it if it takes too long. */

    private boolean answersAdminRequest() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get(4, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    private List<String> command(String classpath, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(profile.kafkaOptions());
        command.addAll(List.of("-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
                "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** A single-node KRaft configuration: combined broker and controller, everything on loopback. */
    static String serverProperties(Path logDirs, int brokerPort, int controllerPort) {
        return String.join("\n",
                "# Written by the local platform launcher on every start; edit KafkaBroker.serverProperties instead.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort,
                "inter.broker.listener.name=PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDirs.toAbsolutePath().toString().replace('\\', '/'),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") ;
    }

    /**
     * The broker's classpath: the absolute paths of this module's runtime dependencies, written by the build
     * (maven-dependency-plugin build-classpath), so it works from target/classes, the jar, or a test classpath.
     */
    static String classpath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new LocalPlatformException(NAME, CLASSPATH_RESOURCE + " missing from the launcher; rebuild deploy/local");
            }
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            for (String entry : classpath.split(File.pathSeparator)) {
                if (!Files.exists(Path.of(entry))) {
                    throw new LocalPlatformException(NAME, entry + " (on Kafka's classpath) is missing; rebuild deploy/local");
                }
            }
            return classpath;
        } catch (IOException e) {
            throw new LocalPlatformException(NAME, "cannot read " + CLASSPATH_RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
