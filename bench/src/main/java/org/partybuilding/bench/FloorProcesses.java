package org.partybuilding.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway measure's reference processes from {@code bench/floors} (issue 23): a bare Spring Cloud Gateway and a
 * bare Reactor Netty proxy, each routing to registry-service, and a bare WebFlux handler reading the organization
 * from registry-service's database. Started with the platform's JVM options on free loopback ports, stopped on close.
 */
final class FloorProcesses implements AutoCloseable {

    /** One reference process: what it is, its URL for the measured GET and its pid for the CPU time. */
    record Floor(String name, String url, long pid) {
    }

    private final List<Process> processes = new ArrayList<>();
    private final List<Floor> floors = new ArrayList<>();

    /** Starts the three floors and waits until each answers the GET (at most 90 s). */
    static FloorProcesses start(Path jar, List<String> jvmOptions, Path logDir, String serviceUrl, String mongoUri,
            String path, String bearer) {
        FloorProcesses started = new FloorProcesses();
        try {
            started.launch(jar, jvmOptions, logDir, "bare Spring Cloud Gateway", "gateway", serviceUrl, path);
            started.launch(jar, jvmOptions, logDir, "bare Reactor Netty proxy", "proxy", serviceUrl, path);
            started.launch(jar, jvmOptions, logDir, "bare WebFlux + MongoDB GET", "service", mongoUri, path);
            for (Floor floor : started.floors) {
                awaitAnswer(floor, bearer);
            }
            return started;
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    List<Floor> floors() {
        return floors;
    }

    private void launch(Path jar, List<String> jvmOptions, Path logDir, String name, String mode, String target, String path) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), mode, String.valueOf(port), target));
        try {
            Files.createDirectories(logDir);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logDir.resolve("floor-" + mode + ".log").toFile()).start();
            processes.add(process);
            floors.add(new Floor(name, "http://127.0.0.1:" + port + path, process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the floor " + mode, e);
        }
    }

    private static void awaitAnswer(Floor floor, String bearer) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI.create(floor.url()))
                        .header("Authorization", "Bearer " + bearer).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException(floor.name() + " did not answer " + floor.url() + " with 200 within 90 s");
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
