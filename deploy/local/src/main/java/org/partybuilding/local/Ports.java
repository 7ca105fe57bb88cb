package org.partybuilding.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The platform's ports (DESIGN.md "Local platform"), all moved by one offset so that a second platform
 * can run beside the first (e.g. a test run while the developer's platform is up).
 */
public record Ports(int offset) {

    /** Module name → [API port, management port] without offset. */
    static final Map<String, int[]> SERVICE_PORTS = Map.of(
            "gateway", new int[] {8080, 9080},
            "registry-service", new int[] {8081, 9081},
            "branch-service", new int[] {8082, 9082},
            "member-service", new int[] {8083, 9083},
            "training-service", new int[] {8084, 9084},
            "funding-service", new int[] {8085, 9085});

    /** The highest offset that keeps the highest port (MongoDB's 27017) a valid port. */
    static final int MAX_OFFSET = 65535 - 27017;

    public Ports {
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new IllegalArgumentException("port offset must be between 0 and " + MAX_OFFSET + ": " + offset);
        }
    }

    public int kafka() {
        return 9092 + offset;
    }

    public int kafkaController() {
        return 9093 + offset;
    }

    public int mongo() {
        return 27017 + offset;
    }

    public int keycloak() {
        return 8180 + offset;
    }

    /** Keycloak's management interface (health); 9000 by default, moved out of the services' way. */
    public int keycloakManagement() {
        return 9180 + offset;
    }

    /** Prometheus (only with --prometheus). */
    public int prometheus() {
        return 9090 + offset;
    }

    public int gateway() {
        return http("gateway");
    }

    public int http(String module) {
        return portsOf(module)[0] + offset;
    }

    public int management(String module) {
        return portsOf(module)[1] + offset;
    }

    /**
     * With {@code --replicas}: instance {@code i} (0-based) of a module listens {@value #REPLICA_STEP} × i above the
     * first (8080–8085 / 9080–9085, then 8100–8105 / 9100–9105, then 8120–8125 / 9120–9125), clear of Kafka (9092–9093),
     * Prometheus (9090) and Keycloak (8180, 9180).
     */
    public int http(String module, int instance) {
        return http(module) + REPLICA_STEP * checkedInstance(instance);
    }

    public int management(String module, int instance) {
        return management(module) + REPLICA_STEP * checkedInstance(instance);
    }

    /** The distance between two instances' ports. */
    static final int REPLICA_STEP = 20;
    /** The most instances of each module one machine runs. */
    public static final int MAX_REPLICAS = 3;

    private static int checkedInstance(int instance) {
        if (instance < 0 || instance >= MAX_REPLICAS) {
            throw new IllegalArgumentException("instance must be between 0 and " + (MAX_REPLICAS - 1) + ": " + instance);
        }
        return instance;
    }

    private static int[] portsOf(String module) {
        int[] ports = SERVICE_PORTS.get(module);
        if (ports == null) {
            throw new IllegalArgumentException("unknown module " + module + "; known: " + SERVICE_PORTS.keySet());
        }
        return ports;
    }

    /** Fails naming every port of {@code wanted} (port → component) that something already listens on, and who. */
    static void requireFree(Map<Integer, String> wanted) {
        List<String> busy = new ArrayList<>();
        wanted.forEach((port, component) -> {
            if (!isFree(port)) {
                busy.add("port " + port + " (" + component + ") is in use by " + ProcessInfo.listenerOf(port));
            }
        });
        if (!busy.isEmpty()) {
            throw new LocalPlatformException("ports", String.join("; ", busy)
                    + ". Stop it, or move the whole platform with --port-offset.");
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
