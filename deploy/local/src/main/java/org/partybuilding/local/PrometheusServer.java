package org.partybuilding.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Prometheus (the Debian package's binary, or {@code $PROMETHEUS_BIN}) scraping the local platform with the
 * repository's own configuration and alert rules: {@code deploy/prometheus/prometheus.yml} is copied into the data
 * dir with each target ({@code <module>:<management port>}) pointed at 127.0.0.1 and this platform's ports.
 */
final class PrometheusServer extends RunsAsChildProcess {

    static final String NAME = "prometheus";

    private final Path repoRoot;
    private final Path dir;
    private final Path log;
    private final Ports ports;

    PrometheusServer(Path repoRoot, Path dir, Path log, Ports ports) {
        super(Duration.ofSeconds(20));
        this.repoRoot = repoRoot;
        this.dir = dir;
        this.log = log;
        this.ports = ports;
    }

    String url() {
        return "http://localhost:" + ports.prometheus();
    }

    /** The binary: {@code $PROMETHEUS_BIN}, else {@code prometheus} on the PATH; a clear refusal when there is none. */
    static Path binary() {
        String explicit = System.getenv("PROMETHEUS_BIN");
        Stream<Path> candidates = explicit != null && !explicit.isBlank() ? Stream.of(Path.of(explicit))
                : Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)).map(d -> Path.of(d, "prometheus"));
        return candidates.filter(Files::isExecutable).findFirst().orElseThrow(() -> new LocalPlatformException(NAME,
                "--prometheus needs the Prometheus binary, and there is no 'prometheus' on the PATH"
                        + (explicit != null && !explicit.isBlank() ? " (nor at $PROMETHEUS_BIN=" + explicit + ")" : "")
                        + ". Install it (Debian/Ubuntu: sudo apt-get install -y prometheus) or set PROMETHEUS_BIN."));
    }

    void start(Duration timeout) {
        Path binary = binary();
        Path config = writeConfig();
        process = ChildProcess.start(NAME, List.of(binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--storage.tsdb.retention.time=7d",
                "--web.listen-address=127.0.0.1:" + ports.prometheus(),
                "--web.enable-lifecycle"), Map.of(), dir, log);
        Readiness.await(process, timeout, () -> Readiness.httpOk("http://127.0.0.1:" + ports.prometheus() + "/-/ready"));
    }


    /** deploy/prometheus/prometheus.yml with local targets and the rule files by absolute path. */
    Path writeConfig() {
        Path source = repoRoot.resolve("deploy/prometheus/prometheus.yml");
        try {
            String config = localConfig(Files.readString(source), repoRoot.resolve("deploy/prometheus").toAbsolutePath(), ports);
            Files.createDirectories(dir);
            Path target = dir.resolve("prometheus.yml");
            Files.writeString(target, config);
            return target;
        } catch (IOException e) {
            throw new LocalPlatformException(NAME, "cannot write the configuration from " + source + ": " + e, e);
        }
    }

    static String localConfig(String config, Path prometheusDir, Ports ports) {
        String local = "# Written by the local platform launcher from " + prometheusDir.resolve("prometheus.yml")
                + " on every start.\n" + config;
        for (String module : LocalPlatform.MODULES) {
            int port = ports.management(module) - ports.offset();
            String target = "\"" + module + ":" + port + "\"";
            if (!local.contains(target)) {
                throw new LocalPlatformException(NAME, prometheusDir.resolve("prometheus.yml") + " has no target " + target);
            }
            local = local.replace(target, "\"127.0.0.1:" + ports.management(module) + "\"");
        }
        return local.replace("  - rules/", "  - " + prometheusDir.resolve("rules") + "/");
    }
}
