package org.partybuilding.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Java Flight Recorder profile of a running JVM, taken with {@code jcmd} (the JDK's own tool, next to the java
 * that runs the process), and what it says: the methods most often on top of the sampled stacks (self), and the
 * packages most often anywhere on them (inclusive: a sample counts once for each package on its stack).
 */
final class JfrProfile {

    /** Frames kept per sample: Reactor's stacks are deep, and JFR's default of 64 cuts off the request's start. */
    private static final int STACK_DEPTH = 1024;

    private final long pid;
    private final String name;
    private final Path file;

    private JfrProfile(long pid, String name, Path file) {
        this.pid = pid;
        this.name = name;
        this.file = file;
    }

    /** Starts a recording ({@code settings=profile}: Java samples every 10 ms) of the process into {@code file}. */
    static JfrProfile start(long pid, String name, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Only effective before the JVM's first recording; later ones keep the depth the first one had.
        jcmd(pid, "JFR.configure", "stackdepth=" + STACK_DEPTH);
        jcmd(pid, "JFR.start", "name=" + name, "settings=profile", "filename=" + file);
        return new JfrProfile(pid, name, file);
    }

    /** Stops the recording and reads it. */
    Summary stop() {
        jcmd(pid, "JFR.stop", "name=" + name);
        return Summary.read(file);
    }

    /** Samples counted: self by method and by package, inclusive by package. */
    record Summary(int samples, Map<String, Integer> selfMethods, Map<String, Integer> selfPackages,
            Map<String, Integer> inclusivePackages) {

        static Summary read(Path file) {
            Map<String, Integer> selfMethods = new HashMap<>();
            Map<String, Integer> selfPackages = new HashMap<>();
            Map<String, Integer> inclusivePackages = new HashMap<>();
            int samples = 0;
            try (RecordingFile recording = new RecordingFile(file)) {
                while (recording.hasMoreEvents()) {
                    RecordedEvent event = recording.readEvent();
                    if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                        continue;
                    }
                    List<RecordedFrame> frames = event.getStackTrace().getFrames();
                    if (frames.isEmpty()) {
                        continue;
                    }
                    samples++;
                    RecordedMethod top = frames.get(0).getMethod();
                    selfMethods.merge(top.getType().getName() + "." + top.getName(), 1, Integer::sum);
                    selfPackages.merge(packageOf(top), 1, Integer::sum);
                    Set<String> packages = new HashSet<>();
                    for (RecordedFrame frame : frames) {
                        packages.add(packageOf(frame.getMethod()));
                    }
                    packages.forEach(p -> inclusivePackages.merge(p, 1, Integer::sum));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            return new Summary(samples, selfMethods, selfPackages, inclusivePackages);
        }

        private static String packageOf(RecordedMethod method) {
            String type = method.getType().getName();
            int dot = type.lastIndexOf('.');
            return dot < 0 ? "(default)" : type.substring(0, dot);
        }

        /** Markdown: the top {@code n} of each count, as shares of all samples. */
        String markdown(String title, int n) {
            StringBuilder out = new StringBuilder("### ").append(title).append(" (").append(samples)
                    .append(" samples)\n\n");
            table(out, "self, by method", selfMethods, n);
            table(out, "self, by package", selfPackages, n);
            table(out, "inclusive, by package (a sample counts once per package on its stack)", inclusivePackages, n);
            return out.toString();
        }

        private void table(StringBuilder out, String heading, Map<String, Integer> counts, int n) {
            out.append("| ").append(heading).append(" | share |\n|---|---|\n");
            top(counts, n).forEach((k, v) -> out.append("| `").append(k).append("` | ")
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

    private static void jcmd(long pid, String... command) {
        Path java = ProcessHandle.of(pid).flatMap(p -> p.info().command()).map(Path::of)
                .orElseThrow(() -> new IllegalStateException("No process " + pid));
        Path jcmd = java.resolveSibling("jcmd");
        List<String> args = new ArrayList<>(List.of(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", Long.toString(pid)));
        args.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
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
