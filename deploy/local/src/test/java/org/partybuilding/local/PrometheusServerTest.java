package org.partybuilding.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusServerTest {

    /** The repository (deploy/local's parent's parent): the real deploy/prometheus is what gets copied. */
    private static final Path REPO = LocalPlatform.findRepoRoot(Path.of(""));

    @TempDir
    Path data;

    @Test
    void theLocalCopyScrapesThisPlatformsPortsAndLoadsTheRepositorysRules() throws Exception {
        Ports ports = new Ports(30000);
        String config = PrometheusServer.localConfig(Files.readString(REPO.resolve("deploy/prometheus/prometheus.yml")),
                REPO.resolve("deploy/prometheus"), ports);
        for (String module : LocalPlatform.MODULES) {
            assertThat(config).contains("\"127.0.0.1:" + ports.management(module) + "\"")
                    .doesNotContain("\"" + module + ":" + (ports.management(module) - 30000) + "\"");
        }
        assertThat(config).contains("  - " + REPO.resolve("deploy/prometheus/rules") + "/*.yml");
    }

    @Test
    void startsWithTheRulesLoadedAndEveryModuleAsATarget() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/prometheus")) || System.getenv("PROMETHEUS_BIN") != null,
                "no Prometheus binary (Debian package prometheus)");
        Ports ports = new Ports(19000);
        assumeTrue(Ports.isFree(ports.prometheus()), "port " + ports.prometheus() + " busy");
        PrometheusServer prometheus = new PrometheusServer(REPO, data.resolve("prometheus"), data.resolve("prometheus.log"), ports);
        try {
            prometheus.start(Duration.ofSeconds(60));
            HttpClient http = HttpClient.newHttpClient();
            // targets are discovered right after start; nothing listens there, so they are down — that is fine here
            String targets = "";
            for (int attempt = 0; attempt < 60 && !targets.contains("127.0.0.1:" + ports.management("funding-service")); attempt++) {
                Thread.sleep(500);
                targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.prometheus()
                        + "/api/v1/targets")).build(), HttpResponse.BodyHandlers.ofString()).body();
            }
            for (String module : LocalPlatform.MODULES) {
                assertThat(targets).contains("127.0.0.1:" + ports.management(module));
            }
            String rules = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.prometheus()
                    + "/api/v1/rules")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(rules).contains("\"ServiceDown\"", "\"DeadLetter\"");
        } finally {
            prometheus.stop();
        }
    }
}
