package org.partybuilding.gateway.routing;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.partybuilding.gateway.GatewaySettings;
import org.partybuilding.gateway.problem.UpstreamProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import org.partybuilding.platform.tracing.TracedLogging;
import reactor.core.publisher.Mono;

/**
 * A service with several instances ({@code platform.gateway.services.<name>.replicas}): its requests go round-robin
 * over {@code uri} and the replicas. An instance that refuses the connection (stopped, crashed, restarting) gets the
 * request's next attempt at once on the next instance and is skipped for {@link #SKIP_AFTER_REFUSAL}; nothing had been
 * sent to it, so no request is ever seen twice (an answer that breaks off is never retried: 502 as before). Only
 * when every instance refuses does the client get 503 ({@code UpstreamProblems}). No load balancer or service registry:
 * the instances are configuration, as the routes are.
 */
@Component
public class ServiceReplicas implements GlobalFilter, Ordered {

    /** How long an instance that refused a connection is tried last. */
    static final Duration SKIP_AFTER_REFUSAL = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(ServiceReplicas.class);

    /** The routes' target (scheme://host:port of {@code uri}) → every instance of that service. */
    private final Map<String, List<URI>> instancesByTarget = new HashMap<>();
    private final Map<String, AtomicInteger> next = new ConcurrentHashMap<>();
    private final Map<String, Instant> refusedAt = new ConcurrentHashMap<>();
    private final Clock clock;

    public ServiceReplicas(GatewaySettings settings, Clock clock) {
        this.clock = clock;
        settings.services().values().stream().filter(service -> service.uri() != null && !service.replicas().isEmpty())
                .forEach(service -> instancesByTarget.put(origin(service.uri()), service.instances()));
    }

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1; // once the route's URL is known, before the proxying
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        URI url = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        List<URI> instances = url == null ? null : instancesByTarget.get(origin(url));
        if (instances == null) {
            return chain.filter(exchange);
        }
        return attempt(exchange, chain, url, order(url, instances), 0);
    }

    private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, URI url, List<URI> instances, int index) {
        URI instance = instances.get(index);
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, UriComponentsBuilder.fromUri(url)
                .scheme(instance.getScheme()).host(instance.getHost()).port(instance.getPort()).build(true).toUri());
        return chain.filter(exchange).onErrorResume(failure -> {
            if (!UpstreamProblems.unreachable(failure) || exchange.getResponse().isCommitted() || index + 1 >= instances.size()) {
                return Mono.error(failure);
            }
            refusedAt.put(origin(instance), clock.instant());
            ServerWebExchangeUtils.reset(exchange);
            return TracedLogging.log(() -> log.warn("{} {}: {} not reachable ({}), trying {}", exchange.getRequest().getMethod(),
                            exchange.getRequest().getPath(), origin(instance), failure.toString(), origin(instances.get(index + 1))))
                    .then(Mono.defer(() -> attempt(exchange, chain, url, instances, index + 1)));
        });
    }

    /** Round-robin from the next instance in turn; those that refused a connection lately go last. */
    private List<URI> order(URI url, List<URI> instances) {
        int start = Math.floorMod(next.computeIfAbsent(origin(url), target -> new AtomicInteger()).getAndIncrement(), instances.size());
        List<URI> fresh = new ArrayList<>();
        List<URI> refused = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < instances.size(); i++) {
            URI instance = instances.get((start + i) % instances.size());
            Instant refusal = refusedAt.get(origin(instance));
            (refusal != null && refusal.plus(SKIP_AFTER_REFUSAL).isAfter(now) ? refused : fresh).add(instance);
        }
        fresh.addAll(refused);
        return fresh;
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }
}
