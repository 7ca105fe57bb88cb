package org.partybuilding.platform.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The realm's signing keys (its JWKS), fetched the first time and again only when a token names a key not among them,
 * at most once per {@link PlatformSecurityProperties.Jwks#refetchInterval()} and each fetch bounded by
 * {@link PlatformSecurityProperties.Jwks#timeout()}.
 * <p>
 * Why not Spring's own source: it fetches the JWKS anew for every token with an unknown {@code kid}, without a timeout,
 * so forged tokens make each service call the identity provider once per request, and a fetch the provider leaves
 * unanswered leaves the request unanswered (seen in the security suite: one refusal in ~560 waited over 20 s). Here a
 * fetch that fails or times out keeps the keys held, so such a token is refused (401) at once, never left waiting.
 */
final class RealmKeys implements Function<SignedJWT, Flux<JWK>> {

    private static final Logger log = LoggerFactory.getLogger(RealmKeys.class);

    /** The keys held and when they were last asked for (successfully or not); {@code null} before the first fetch. */
    private record Held(JWKSet keys, Instant askedAt) {
    }

    private final WebClient client;
    private final String uri;
    private final PlatformSecurityProperties.Jwks settings;
    private final Clock clock;
    private volatile Held held = new Held(new JWKSet(), null);
    private Mono<JWKSet> fetching;

    RealmKeys(String uri, PlatformSecurityProperties.Jwks settings, Clock clock) {
        // a new connection per fetch (one every few seconds at most): a pooled one the provider has closed meanwhile
        // would fail the fetch
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis()))))
                .build();
        this.uri = uri;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        JWKMatcher matcher = JWKMatcher.forJWSHeader(jwt.getHeader());
        if (matcher == null) {
            return Flux.empty(); // an algorithm no key can verify (e.g. "none"): refused by the processor
        }
        JWKSelector selector = new JWKSelector(matcher);
        Held now = held;
        List<JWK> found = selector.select(now.keys());
        // no keys held yet (the provider has not answered so far): every token asks, one fetch at a time
        if (!found.isEmpty() || (!now.keys().isEmpty() && now.askedAt() != null
                && clock.instant().isBefore(now.askedAt().plus(settings.refetchInterval())))) {
            return Flux.fromIterable(found);
        }
        return fetch().flatMapIterable(selector::select);
    }

    /** One fetch at a time, shared by the requests that arrive meanwhile. */
    private synchronized Mono<JWKSet> fetch() {
        if (fetching == null) {
            fetching = client.get().uri(uri).retrieve().bodyToMono(String.class)
                    .timeout(settings.timeout())
                    .map(RealmKeys::parse)
                    .doOnNext(keys -> held = new Held(keys, clock.instant()))
                    .onErrorResume(failed -> {
                        Held before = held;
                        held = new Held(before.keys(), clock.instant());
                        log.warn("The realm's keys could not be fetched from {} ({}); keeping the {} held", uri, failed.toString(),
                                before.keys().getKeys().size());
                        return Mono.just(before.keys());
                    })
                    .doFinally(signal -> done())
                    .cache();
        }
        return fetching;
    }

    private synchronized void done() {
        fetching = null;
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JWK set: " + e.getMessage(), e);
        }
    }
}
