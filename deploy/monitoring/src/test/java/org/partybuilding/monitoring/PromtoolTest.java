package org.partybuilding.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/prometheus as Prometheus itself reads it: the configuration with its rule files loads, the rules parse,
 * and the rule unit tests (tests/*.yml) fire every alert where it should and nowhere else. Needs {@code promtool}
 * (Debian package {@code prometheus}; {@code .ci/run} installs it).
 */
class PromtoolTest {

    static final Path PROMETHEUS = Deployment.dir().resolve("prometheus");

    private static String promtool;

    @BeforeAll
    static void findPromtool() {
        promtool = Stream.concat(Stream.ofNullable(System.getenv("PROMTOOL")),
                        Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
                                .map(dir -> Path.of(dir, "promtool").toString()))
                .filter(candidate -> Files.isExecutable(Path.of(candidate)))
                .findFirst()
                .orElse(null);
        if (promtool == null) {
            fail("promtool not found on PATH (or $PROMTOOL): it checks deploy/prometheus. Install the Debian package"
                    + " 'prometheus' (apt-get update && apt-get install -y prometheus); .ci/run does that.");
        }
    }

    @Test
    void theConfigurationAndItsRuleFilesLoad() {
        String out = promtool("check", "config", PROMETHEUS.resolve("prometheus.yml").toString());
        assertThat(out).contains("SUCCESS").contains("rule files found");
    }

    @Test
    void theRulesParseAndHaveEveryAlertTheIssueNames() throws IOException {
        List<String> args = new ArrayList<>(List.of("check", "rules"));
        args.addAll(ruleFiles());
        String out = promtool(args.toArray(String[]::new));
        assertThat(out).contains("SUCCESS");
        String rules = Files.readString(PROMETHEUS.resolve("rules/platform-alerts.yml"));
        assertThat(rules).contains("alert: ServiceDown", "alert: ReadinessFailing", "alert: HighServerErrorRatio",
                "alert: HighLatencyP99", "alert: ConsumerLagHigh", "alert: OutboxBacklogOld", "alert: DeadLetter",
                "alert: RefusedRequestsBurst");
    }

    @Test
    void theRuleUnitTestsFireEachAlert() throws IOException {
        List<String> tests = files(PROMETHEUS.resolve("tests"));
        assertThat(tests).isNotEmpty();
        List<String> args = new ArrayList<>(List.of("test", "rules"));
        args.addAll(tests);
        String out = promtool(args.toArray(String[]::new));
        assertThat(out).contains("SUCCESS").doesNotContain("FAILED");
        // every alert has a test case that expects it to fire
        String allTests = String.join("\n", tests.stream().map(PromtoolTest::read).toList());
        for (String alert : List.of("ServiceDown", "ReadinessFailing", "HighServerErrorRatio", "HighLatencyP99",
                "ConsumerLagHigh", "OutboxBacklogOld", "DeadLetter", "RefusedRequestsBurst")) {
            assertThat(allTests).contains("alertname: " + alert);
        }
    }

    static List<String> ruleFiles() throws IOException {
        return files(PROMETHEUS.resolve("rules"));
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.filter(p -> p.toString().endsWith(".yml")).sorted().map(Path::toString).toList();
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs promtool in deploy/prometheus; fails with its output unless it exits 0. */
    private static String promtool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(promtool);
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                fail(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
