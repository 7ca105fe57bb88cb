package org.partybuilding.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.partybuilding.local.LocalPlatform;

/** CPU time a process has used so far, from /proc (Linux), in microseconds. */
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
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name (which may contain spaces) start at index 2 (state).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return (utime + stime) * MICROS_PER_TICK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JVM running this repository's {@code <module>/target/<module>.jar}: matched by its absolute path, so
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
