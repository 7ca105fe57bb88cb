package org.partybuilding.gateway.health;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.partybuilding.gateway.GatewaySettings;
import org.partybuilding.platform.health.PlatformStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * "routes": UP when every routed service says it is ready, else DEGRADED (HTTP 200) with each service's state in the
 * details. Services keep actuator on their management ports, which the gateway does not route, so this asks each
 * one's readiness probe there ({@code platform.gateway.services.<name>.health-uri}) directly, with a short timeout. A
 * service whose health-uri is set empty is not checked. A detail of {@code /actuator/health} only, never readiness:
 * with one service down the gateway keeps serving every other service's paths, and answers 503 problem+json for
 * that service's own paths ({@code UpstreamProblems}).
 */
@Component
public class RoutesHealthIndicator implements ReactiveHealthIndicator {

    private final Map<String, GatewaySettings.Service> services;
    private final Duration timeout;
    private final HttpClient client;

    public RoutesHealthIndicator(GatewaySettings settings) {
        this.services = settings.services();
        this.timeout = settings.healthTimeout();
        this.client = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .responseTimeout(timeout);
    }

    @Override
    public Mono<Health> health() {
        return Flux.fromIterable(services.entrySet())
                .filter(service -> service.getValue().checked())
                .flatMap(service -> readiness(service.getValue()).map(status -> Map.entry(service.getKey(), status)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new)
                .map(statuses -> (statuses.values().stream().allMatch("UP"::equals) ? Health.up()
                        : Health.status(PlatformStatus.DEGRADED)).withDetails(statuses).build());
    }

    /** UP, DOWN (the probe answered, not 2xx: Boot answers 503 when not ready) or UNREACHABLE. */
    private Mono<String> readiness(GatewaySettings.Service service) {
        return client.get().uri(service.healthUri())
                .responseSingle((response, body) -> body.asByteArray() // read to the end: the connection goes back to the pool
                        .then(Mono.just(response.status().code() / 100 == 2 ? "UP" : "DOWN")))
                .timeout(timeout)
                .onErrorReturn("UNREACHABLE");
    }
}
