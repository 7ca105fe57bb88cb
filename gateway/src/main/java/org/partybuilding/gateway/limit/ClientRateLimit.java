package org.partybuilding.gateway.limit;

import java.time.Clock;
import java.util.Date;
import java.util.Map;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import org.partybuilding.platform.problem.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import org.partybuilding.platform.tracing.TracedLogging;
import reactor.core.publisher.Mono;

/**
 * Limits configured machine clients (API.md: 429 with {@code Retry-After}) separately from everyone else, by client id,
 * taken from the validated token's {@code azp} (Keycloak's authorized party: for a client-credentials token, the client
 * itself). Runs after the JWT check, so an invalid token is a 401 and never spends a client's budget.
 *
 * <p>One budget across every gateway instance: a counter per client and window in the gateway's MongoDB database
 * (collection {@value #COLLECTION}, one atomic {@code $inc} with upsert per limited request; a TTL index removes past
 * windows). A window lasts {@code burst / per-second} seconds and lets {@code burst} requests through: on average
 * {@code per-second}, at most {@code burst} at once (twice that across a window's edge). Only the listed clients pay the
 * round trip; people and the portal never do. When MongoDB does not answer, the request passes (the limit protects the
 * services, which then cannot work either) and the failure is logged.
 */
@Component
public class ClientRateLimit implements WebFilter, Ordered {

    /** After Spring Security (-100) and the size limit (-50). */
    static final int ORDER = -40;
    static final String COLLECTION = "clientRateWindows";

    private static final Logger log = LoggerFactory.getLogger(ClientRateLimit.class);

    private final Map<String, ClientRateLimitSettings.Limit> limits;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public ClientRateLimit(ClientRateLimitSettings settings, ReactiveMongoTemplate mongo, Clock clock) {
        this.limits = settings.clients();
        this.mongo = mongo;
        this.clock = clock;
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
                .flatMap(this::take)
                .defaultIfEmpty(0L)
                .flatMap(waitSeconds -> waitSeconds == 0 ? chain.filter(exchange) : tooMany(exchange, waitSeconds));
    }

    /** 0 if a request may pass now (and counts it), else whole seconds until the client's next window. */
    Mono<Long> take(String client) {
        ClientRateLimitSettings.Limit limit = limits.get(client);
        long windowMillis = limit.windowMillis();
        long now = clock.millis();
        long window = now / windowMillis;
        long end = (window + 1) * windowMillis;
        Query query = Query.query(Criteria.where("_id").is(client + ":" + window));
        Update update = new Update().inc("count", 1).setOnInsert("expiresAt", new Date(end + windowMillis));
        FindAndModifyOptions options = FindAndModifyOptions.options().upsert(true).returnNew(true);
        return mongo.findAndModify(query, update, options, Document.class, COLLECTION)
                // two instances inserting the same window at once: one wins, the other increments it
                .onErrorResume(DuplicateKeyException.class, e -> mongo.findAndModify(query, update, options, Document.class, COLLECTION))
                .map(counted -> ((Number) counted.get("count")).longValue() <= limit.burst() ? 0L
                        : Math.max(1L, (end - now + 999) / 1000))
                .onErrorResume(e -> TracedLogging.log(() -> log.warn("The rate limit of {} could not be counted ({}); the request passes",
                        client, e.toString())).thenReturn(0L));
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange, long waitSeconds) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
        return ProblemResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too Many Requests",
                "This client's request rate is limited; retry after " + waitSeconds + " s");
    }
}
