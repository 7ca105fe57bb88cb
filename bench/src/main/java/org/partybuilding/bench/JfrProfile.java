package org.partybuilding.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Java Flight Recorder profile of a running JVM, taken with {@code jcmd} (the JDK's own tool, next to the java
 * that runs the process) with Java execution samples only (every 10 ms; {@code execution-samples.jfc}, so the
 * recorder costs next to nothing), and what it says about chosen stretches of time: the methods most often on top
 * of the sampled stacks (self), and the packages and concerns most often anywhere on them (inclusive: a sample
 * counts once for each package or concern on its stack).
 */
final class JfrProfile {

    /** Frames kept per sample: Reactor's stacks are deep, and JFR's default of 64 cuts off the request's start. */
    private static final int STACK_DEPTH = 1024;

    /**
     * What a request's time is spent on, by the frames on the stack (inclusive). The labels are the ones of issue 23's
     * table, so that a report compares with it.
     */
    static final Map<String, Predicate<String>> CONCERNS = concerns();

    private final long pid;
    private final String name;
    private final Path file;

    private JfrProfile(long pid, String name, Path file) {
        this.pid = pid;
        this.name = name;
        this.file = file;
    }

    /** Starts recording Java execution samples of the process. */
    static JfrProfile start(long pid, String name, Path file) {
        Path settings = file.resolveSibling("execution-samples.jfc");
        try (InputStream jfc = JfrProfile.class.getResourceAsStream("/execution-samples.jfc")) {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.write(settings, jfc.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Only effective before the JVM's first recording; later ones keep the depth the first one had.
        jcmd(pid, "JFR.configure", "stackdepth=" + STACK_DEPTH);
        jcmd(pid, "JFR.start", "name=" + name, "settings=" + settings);
        return new JfrProfile(pid, name, file);
    }

    /** Stops the recording and writes it to its file. */
    JfrProfile stop() {
        jcmd(pid, "JFR.stop", "name=" + name, "filename=" + file);
        return this;
    }

    /** The samples taken within the given stretches of time ({@code [start, end]} each). */
    Summary samples(List<Instant[]> windows) {
        return Summary.read(file, windows);
    }

    /** Samples counted: self by method and by package, inclusive by package and by concern. */
    record Summary(int samples, Map<String, Integer> selfMethods, Map<String, Integer> selfPackages,
            Map<String, Integer> inclusivePackages, Map<String, Integer> concerns, Map<String, Integer> innermost) {

        static Summary read(Path file, List<Instant[]> windows) {
            Map<String, Integer> selfMethods = new HashMap<>();
            Map<String, Integer> selfPackages = new HashMap<>();
            Map<String, Integer> inclusivePackages = new HashMap<>();
            Map<String, Integer> concerns = new LinkedHashMap<>();
            CONCERNS.keySet().forEach(c -> concerns.put(c, 0));
            Map<String, Integer> innermost = new HashMap<>();
            int samples = 0;
            try (RecordingFile recording = new RecordingFile(file)) {
                while (recording.hasMoreEvents()) {
                    RecordedEvent event = recording.readEvent();
                    if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                            || !within(event.getStartTime(), windows)) {
                        continue;
                    }
                    List<RecordedFrame> frames = event.getStackTrace().getFrames();
                    if (frames.isEmpty()) {
                        continue;
                    }
                    samples++;
                    RecordedMethod top = frames.get(0).getMethod();
                    selfMethods.merge(className(top) + "." + top.getName(), 1, Integer::sum);
                    selfPackages.merge(packageOf(top), 1, Integer::sum);
                    Set<String> packages = new HashSet<>();
                    Set<String> found = new HashSet<>();
                    String inner = null;
                    for (RecordedFrame frame : frames) {
                        packages.add(packageOf(frame.getMethod()));
                        String method = className(frame.getMethod()) + "." + frame.getMethod().getName();
                        CONCERNS.forEach((concern, matches) -> {
                            if (matches.test(method)) {
                                found.add(concern);
                            }
                        });
                        if (inner == null && !NEUTRAL.test(method)) {
                            inner = CONCERNS.entrySet().stream().filter(c -> c.getValue().test(method)).map(Map.Entry::getKey)
                                    .findFirst().orElse("other: " + packageOf(frame.getMethod()));
                        }
                    }
                    innermost.merge(inner == null ? "the JDK alone" : inner, 1, Integer::sum);
                    packages.forEach(p -> inclusivePackages.merge(p, 1, Integer::sum));
                    found.forEach(c -> concerns.merge(c, 1, Integer::sum));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            return new Summary(samples, selfMethods, selfPackages, inclusivePackages, concerns, innermost);
        }

        private static boolean within(Instant time, List<Instant[]> windows) {
            return windows.stream().anyMatch(w -> !time.isBefore(w[0]) && !time.isAfter(w[1]));
        }

        /** The class, without a lambda's or hidden class's suffix ({@code Foo$$Lambda$12+0x...} is {@code Foo}). */
        private static String className(RecordedMethod method) {
            String type = method.getType().getName();
            int lambda = type.indexOf("$$Lambda");
            return lambda < 0 ? type : type.substring(0, lambda);
        }

        private static String packageOf(RecordedMethod method) {
            String type = className(method);
            int dot = type.lastIndexOf('.');
            return dot < 0 ? "(default)" : type.substring(0, dot);
        }

        /** Markdown: the top {@code n} of each count, as shares of all samples. */
        String markdown(String title, int n) {
            StringBuilder out = new StringBuilder("### ").append(title).append(" (").append(samples)
                    .append(" samples)\n\n");
            table(out, "self, by concern (the innermost frame outside the JDK decides; all add up to 100 %)", innermost, n);
            table(out, "inclusive, by concern (a sample counts once per concern on its stack)", concerns, concerns.size());
            table(out, "self, by method", selfMethods, n);
            table(out, "self, by package", selfPackages, n);
            table(out, "inclusive, by package (a sample counts once per package on its stack)", inclusivePackages, n);
            return out.toString();
        }

        private void table(StringBuilder out, String heading, Map<String, Integer> counts, int n) {
            out.append("| ").append(heading).append(" | share |\n|---|---|\n");
            top(counts, n).forEach((k, v) -> out.append("| ").append(k.contains(" ") ? k : "`" + k + "`").append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f %%", 100.0 * v / Math.max(1, samples))).append(" |\n"));
            out.append('\n');
        }

        static Map<String, Integer> top(Map<String, Integer> counts, int n) {
            Map<String, Integer> top = new LinkedHashMap<>();
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                    .forEach(e -> top.put(e.getKey(), e.getValue()));
            return top;
        }
    }

    /** Frames that decide nothing about where the time goes: the JDK's own (collections, strings, BigInteger, ...). */
    private static final Predicate<String> NEUTRAL = prefix("java.", "javax.", "jdk.", "sun.", "com.sun.");

    /** In order: a frame belongs to the first concern that matches it (specific ones before the general ones). */
    private static Map<String, Predicate<String>> concerns() {
        Map<String, Predicate<String>> concerns = new LinkedHashMap<>();
        concerns.put("RS256 signature check (RSASSAVerifier.verify)", prefix("com.nimbusds.jose.crypto.RSASSAVerifier.verify"));
        concerns.put("JWT decoding and validation (Nimbus, Spring's decoder)", prefix("com.nimbusds.",
                "org.springframework.security.oauth2.jwt."));
        concerns.put("the platform's token cache (ValidatedTokenCache)", prefix("org.partybuilding.platform.security.ValidatedTokenCache"));
        concerns.put("header firewall (StrictServerWebExchangeFirewall)", prefix("org.springframework.security.web.server.firewall."));
        concerns.put("Spring Security filter chain (incl. the JWT check)", prefix("org.springframework.security."));
        concerns.put("Micrometer observation handlers", prefix("io.micrometer.observation."));
        concerns.put("Micrometer meters (timers, registry)", prefix("io.micrometer.core.", "io.micrometer.prometheus"));
        concerns.put("tracing bridge (Micrometer Tracing, OpenTelemetry)", prefix("io.micrometer.tracing.", "io.opentelemetry."));
        concerns.put("context propagation (io.micrometer.context, thread-local snapshots)", prefix("io.micrometer.context."));
        concerns.put("logging (Logback, SLF4J, MDC)", prefix("ch.qos.logback.", "org.slf4j."));
        concerns.put("MongoDB driver (incl. BSON)", prefix("com.mongodb.", "org.bson."));
        concerns.put("Spring Data MongoDB (query, mapping)", prefix("org.springframework.data."));
        concerns.put("JSON (Jackson)", prefix("tools.jackson.", "com.fasterxml.jackson."));
        concerns.put("Spring Cloud Gateway (routes, filters)", prefix("org.springframework.cloud.gateway."));
        concerns.put("WebFlux (dispatch, handler mapping, controller, codecs)", prefix("org.springframework.web.", "org.springframework.http."));
        concerns.put("Reactor Netty HTTP client (gateway to service)", prefix("reactor.netty.http.client.", "reactor.netty.resources."));
        concerns.put("Reactor Netty server and channel", prefix("reactor.netty."));
        concerns.put("Reactor operators (reactor.core)", prefix("reactor.core.", "reactor.util."));
        concerns.put("Netty (I/O, HTTP codec, buffers)", prefix("io.netty."));
        concerns.put("the platform's own code (org.partybuilding)", prefix("org.partybuilding."));
        return concerns;
    }

    private static Predicate<String> prefix(String... prefixes) {
        return method -> {
            for (String p : prefixes) {
                if (method.startsWith(p)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static void jcmd(long pid, String... command) {
        Path java = ProcessHandle.of(pid).flatMap(p -> p.info().command()).map(Path::of)
                .orElseThrow(() -> new IllegalStateException("No process " + pid));
        Path jcmd = java.resolveSibling("jcmd");
        List<String> args = new ArrayList<>(List.of(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", Long.toString(pid)));
        args.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0 || out.contains("Exception")) {
                throw new IllegalStateException(String.join(" ", args) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
