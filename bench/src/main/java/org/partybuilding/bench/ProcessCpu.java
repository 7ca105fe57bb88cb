package org.partybuilding.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.partybuilding.local.LocalPlatform;

/** CPU time a process (or its JIT compiler threads) has used so far, from /proc (Linux), in microseconds. */
final class ProcessCpu {

    /** USER_HZ: /proc/<pid>/stat counts in 1/100 s on Linux. */
    private static final long MICROS_PER_TICK = 10_000;

    /** The checkout whose jars the platform runs (bench/run.sh --jars-from); this one by default. */
    private static volatile Path jarsRoot = LocalPlatform.findRepoRoot(Path.of(""));

    private ProcessCpu() {
    }

    static void jarsFrom(Path root) {
        jarsRoot = root.toAbsolutePath().normalize();
    }

    static long micros(long pid) {
        try {
            return micros(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CPU time of the HotSpot JIT compiler threads ({@code C1 CompilerThre}, {@code C2 CompilerThre}): while it
     * grows, the JVM is still compiling and a throughput measured meanwhile is not the steady one.
     */
    static long compilerMicros(long pid) {
        long total = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path thread : threads) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        total += micros(stat);
                    }
                } catch (NoSuchFileException gone) {
                    // a compiler thread that ended meanwhile (HotSpot starts and stops them as the queue needs)
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }

    private static long micros(String stat) {
        // Fields after the command name (which may contain spaces) start at index 2 (state).
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) * MICROS_PER_TICK;
    }

    /**
     * The JVM running {@code <module>/target/<module>.jar} of the checkout measured: matched by its absolute path, so
     * that a platform started from another checkout on the same machine (same jar names) is never measured.
     */
    static long pidOf(String module) {
        String jar = jarsRoot.resolve(module).resolve("target").resolve(module + ".jar").toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(jar)).orElse(false))
                .mapToLong(ProcessHandle::pid)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No process runs " + jar));
    }
}
