package org.partybuilding.bench.floors;

import java.util.Arrays;
import org.partybuilding.bench.floors.gateway.FloorGateway;
import org.partybuilding.bench.floors.service.FloorService;

/**
 * The gateway measure's reference processes (issue 23): what the same authenticated GET by id costs on the bare
 * frameworks the platform is built on, measured beside the platform's gateway and registry-service in one run.
 * Nothing of the platform is in them: no security, no observation, no filters of ours; they only show the floor
 * that a gateway on Spring Cloud Gateway and a service on WebFlux and the reactive MongoDB driver cannot go below.
 * <ul>
 *   <li>{@code gateway PORT TARGET}: Spring Cloud Gateway with one route {@code /api/registry/**} to TARGET
 *       ({@link FloorGateway});</li>
 *   <li>{@code proxy PORT TARGET}: a Reactor Netty server that forwards each GET with a Reactor Netty client, the
 *       parts Spring Cloud Gateway itself runs on ({@link FloorProxy});</li>
 *   <li>{@code service PORT MONGODB_URI}: a WebFlux handler reading the organization's document by id from
 *       registry-service's database and answering it as JSON ({@link FloorService}).</li>
 * </ul>
 * Loopback only; each runs until it is stopped.
 */
public final class Floors {

    private Floors() {
    }

    /** A Spring Boot application on loopback {@code port}, with these settings besides. */
    public static void runOnLoopback(Class<?> application, int port, java.util.Map<String, Object> settings) {
        java.util.Map<String, Object> all = new java.util.HashMap<>(settings);
        all.put("server.address", "127.0.0.1");
        all.put("server.port", port);
        org.springframework.boot.SpringApplication spring = new org.springframework.boot.SpringApplication(application);
        spring.setDefaultProperties(all);
        spring.run();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: gateway|proxy|service PORT TARGET, not " + Arrays.toString(args));
        }
        int port = Integer.parseInt(args[1]);
        switch (args[0]) {
            case "gateway" -> FloorGateway.run(port, args[2]);
            case "proxy" -> FloorProxy.run(port, args[2]);
            case "service" -> FloorService.run(port, args[2]);
            default -> throw new IllegalArgumentException("gateway, proxy or service, not " + args[0]);
        }
    }
}
