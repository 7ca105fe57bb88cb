package org.partybuilding.platform.security;

import java.util.Map;

import org.partybuilding.platform.problem.Refusals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.partybuilding.platform.tracing.TracedLogging;
import reactor.core.publisher.Mono;

/**
 * Refused requests as security events (issue 24): every 401, every 403, every 404 that hides a record outside the
 * caller's data scope, and every 409 that tells a unique value is taken (an ID number probe) is logged on the logger
 * {@value #LOGGER} with the actor (subject and user name, or {@code anonymous}), the method and path and the reason,
 * and counted in {@value #METRIC} (tags {@code status}, {@code reason}: a small fixed set, never the detail). The token
 * is never logged, nor any header.
 * <p>
 * One filter in front of everything (the security chain included, so the gateway's and every service's refusals by
 * the chain itself are seen); what refused the request and why is left on the exchange by whoever refused it
 * ({@link Refusals#refused}), and who asked by {@link #identified} once the token was checked.
 */
public class SecurityEvents implements WebFilter, Ordered {

    public static final String LOGGER = "platform.security";
    public static final String METRIC = "platform.security.refused";

    static final String ACTOR = SecurityEvents.class.getName() + ".actor";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final ObjectProvider<MeterRegistry> registry;

    public SecurityEvents(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    /** Ahead of Spring Security's chain (-100), behind nothing that answers by itself. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    /** Says who is asking, once the token was checked. */
    public static void identified(ServerWebExchange exchange, Authentication authentication) {
        if (authentication == null) {
            return;
        }
        String subject = authentication.getPrincipal() instanceof Jwt jwt ? jwt.getSubject() : authentication.getName();
        exchange.getAttributes().put(ACTOR, subject + " (" + authentication.getName() + ")");
    }

    /** Behind the security chain: who the checked token says is asking, for the event if the request is refused later. */
    public static WebFilter identifying() {
        return new Identifying();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // The trace goes onto the thread only for a refused request's line, not at every answer's commit.
        exchange.getResponse().beforeCommit(() -> refused(exchange) ? TracedLogging.log(() -> record(exchange)) : Mono.empty());
        return chain.filter(exchange);
    }

    private static boolean refused(ServerWebExchange exchange) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        if (status == null) {
            return false;
        }
        String kind = (String) exchange.getAttributes().get(Refusals.KIND_ATTRIBUTE);
        int code = status.value();
        return code == 401 || code == 403 || code == 404 && Refusals.HIDDEN.equals(kind)
                || code == 409 && Refusals.EXISTENCE.equals(kind);
    }

    /** The refused request's line and count ({@link #refused} holds). */
    private void record(ServerWebExchange exchange) {
        Map<String, Object> attributes = exchange.getAttributes();
        String kind = (String) attributes.get(Refusals.KIND_ATTRIBUTE);
        int code = exchange.getResponse().getStatusCode().value();
        if (kind == null) {
            kind = code == 401 ? Refusals.UNAUTHENTICATED : Refusals.ROLE;
        }
        Object actor = attributes.getOrDefault(ACTOR, "anonymous");
        Object reason = attributes.getOrDefault(Refusals.DETAIL_ATTRIBUTE, code == 401 ? "no valid bearer token" : "refused");
        String path = exchange.getRequest().getPath().value();
        log.warn("security event: {} {} {} refused for {} ({}): {}", code, exchange.getRequest().getMethod(), path, actor, kind,
                reason);
        MeterRegistry meters = registry.getIfAvailable();
        if (meters != null) {
            Counter.builder(METRIC).description("Requests refused: 401, 403 and 404 that hide a record outside the caller's scope")
                    .tag("status", String.valueOf(code)).tag("reason", kind).register(meters).increment();
        }
    }

    private static final class Identifying implements WebFilter, Ordered {

        @Override
        public int getOrder() {
            return 0;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            return ReactiveSecurityContextHolder.getContext()
                    .doOnNext(context -> identified(exchange, context.getAuthentication()))
                    .then(chain.filter(exchange));
        }
    }
}
