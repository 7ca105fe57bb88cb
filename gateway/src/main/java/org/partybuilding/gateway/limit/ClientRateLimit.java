package org.partybuilding.gateway.limit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.partybuilding.platform.problem.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Limits configured machine clients (API.md: 429 with {@code Retry-After}) separately from everyone else: one token
 * bucket per client id, taken from the validated token's {@code azp} (Keycloak's authorized party: for a
 * client-credentials token, the client itself). Runs after the JWT check, so an invalid token is a 401 and never
 * spends a client's budget; in memory, per gateway instance.
 */
@Component
public class ClientRateLimit implements WebFilter, Ordered {

    /** After Spring Security (-100) and the size limit (-50). */
    static final int ORDER = -40;

    private final Map<String, ClientRateLimitSettings.Limit> limits;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public ClientRateLimit(ClientRateLimitSettings settings) {
        this.limits = settings.clients();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (limits.isEmpty()) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> String.valueOf(((JwtAuthenticationToken) principal).getToken().getClaims().get("azp")))
                .filter(limits::containsKey)
                .map(client -> buckets.computeIfAbsent(client, c -> new Bucket(limits.get(c))).take())
                .defaultIfEmpty(0L)
                .flatMap(waitSeconds -> waitSeconds == 0 ? chain.filter(exchange) : tooMany(exchange, waitSeconds));
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange, long waitSeconds) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
        return ProblemResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too Many Requests",
                "This client's request rate is limited; retry after " + waitSeconds + " s");
    }

    /** A token bucket: {@code burst} requests, refilled continuously at {@code perSecond}. */
    static final class Bucket {

        private final double capacity;
        private final double perNano;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(ClientRateLimitSettings.Limit limit) {
            this.capacity = limit.burst();
            this.perNano = limit.perSecond() / 1e9;
            this.tokens = capacity;
        }

        /** 0 if a request may pass now (and takes a token), else whole seconds until one will be there. */
        synchronized long take() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }
    }
}
