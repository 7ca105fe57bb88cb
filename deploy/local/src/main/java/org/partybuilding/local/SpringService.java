package org.partybuilding.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One instance of one of the five services or the gateway: {@code <module>/target/<module>.jar} in its own small JVM.
 * Instance 0 is named after its module; with {@code --replicas} the others are {@code <module>-2}, {@code <module>-3}.
 */
final class SpringService extends RunsAsChildProcess {

    private final String module;
    private final int instance;
    private final Path jar;
    private final Path java;
    private final Path workDir;
    private final Path log;
    private final int managementPort;
    private final Map<String, String> environment;
    private final JvmProfile profile;

    SpringService(String module, int instance, Path repoRoot, Path java, Path log, int managementPort, Map<String, String> environment,
            JvmProfile profile) {
        super(Duration.ofSeconds(20));
        this.profile = profile;
        this.module = module;
        this.instance = instance;
        this.jar = jarOf(repoRoot, module);
        this.java = java;
        this.workDir = repoRoot.resolve(module);
        this.log = log;
        this.managementPort = managementPort;
        this.environment = environment;
    }

    static Path jarOf(Path repoRoot, String module) {
        return repoRoot.resolve(module).resolve("target").resolve(module + ".jar");
    }

    String module() {
        return module;
    }

    int instance() {
        return instance;
    }

    /** {@code registry-service}, {@code registry-service-2}, ...: the instance in logs, summaries and its log file. */
    String name() {
        return nameOf(module, instance);
    }

    static String nameOf(String module, int instance) {
        return instance == 0 ? module : module + "-" + (instance + 1);
    }

    boolean hasJar() {
        return Files.isRegularFile(jar);
    }

    void requireJar() {
        if (!Files.isRegularFile(jar)) {
            throw new LocalPlatformException(module, jar + " not found; build it first (./mvnw -q -DskipTests install)");
        }
    }

    void start() {
        requireJar();
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(profile.serviceOptions());
        command.addAll(List.of("-jar", jar.toString()));
        process = ChildProcess.start(name(), command, environment, workDir, log);
    }

    /** Healthy = the actuator's readiness group answers 200 on the management port. */
    void awaitReady(Duration timeout) {
        String readiness = "http://127.0.0.1:" + managementPort + "/actuator/health/readiness";
        Readiness.await(process, timeout, () -> Readiness.httpOk(readiness));
    }
}
