package org.partybuilding.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A JVM (or a script that runs one) started by the launcher, with its output appended to a log file. */
final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== " + LocalDateTime.now() + " " + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close(); // no console input for children
            return new ChildProcess(name, process, log);
        } catch (IOException e) {
            throw new LocalPlatformException(name, "cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Runs a command to its end (a setup step such as formatting Kafka's storage); fails with the log tail. */
    static void run(String name, List<String> command, Map<String, String> env, Path workDir, Path log, Duration timeout) {
        ChildProcess child = start(name, command, env, workDir, log);
        try {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.stop(Duration.ofSeconds(5));
                throw child.failure("did not finish within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.stop(Duration.ofSeconds(5));
            throw new LocalPlatformException(name, "interrupted");
        }
        if (child.process.exitValue() != 0) {
            throw child.failure("exited with code " + child.process.exitValue());
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /**
     * Asks the process to stop (SIGTERM: JVM shutdown hooks run, Kafka shuts down in order, kc.sh forwards it
     * to Keycloak), waits up to {@code grace}, then kills what is left of the process tree.
     */
    void stop(Duration grace) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        for (ProcessHandle descendant : tree) {
            if (descendant.isAlive()) {
                descendant.destroyForcibly();
            }
        }
    }

    /** Sends a signal ({@code STOP}, {@code CONT}) to the process with {@code kill}: fault tests pause and resume it. */
    void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new LocalPlatformException(name, "kill -" + signal + " " + process.pid() + " failed: "
                        + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new LocalPlatformException(name, "cannot run kill: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalPlatformException(name, "interrupted");
        }
    }

    /** Kills the process at once (SIGKILL: no shutdown hook, no clean leave of anything), as a crash would. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Resident memory of the process and everything it started (e.g. kc.sh and its java), in kB. */
    long residentKb() {
        long kb = ProcessInfo.residentKb(process.pid());
        for (ProcessHandle descendant : process.descendants().toList()) {
            kb += ProcessInfo.residentKb(descendant.pid());
        }
        return kb;
    }

    /** The last lines of the log, for error messages. */
    String tail(int lines) {
        return tail(log, lines);
    }

    LocalPlatformException failure(String problem) {
        return new LocalPlatformException(name, problem + "\n--- last lines of " + log + " ---\n" + tail(40));
    }

    static String tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(no log)";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(0, in.length() - 64 * 1024);
            byte[] bytes = new byte[(int) (in.length() - from)];
            in.seek(from);
            in.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read log: " + e.getMessage() + ")";
        }
    }
}
