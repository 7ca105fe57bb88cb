package org.partybuilding.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * The realm's keys are fetched once, again only for an unknown key id and at most once per refetch interval, and a
 * fetch the identity provider leaves unanswered refuses the token instead of leaving the request waiting.
 */
class RealmKeysTest {

    private static final RSAKey REALM = key("realm-key");
    private static final RSAKey ROTATED = key("rotated-key");
    private static final RSAKey FORGER = key("forged-key");
    private static final PlatformSecurityProperties.Jwks SETTINGS = new PlatformSecurityProperties.Jwks(Duration.ofSeconds(3),
            Duration.ofSeconds(10));

    private final ValidatedTokenCacheTest.TestTime clock = new ValidatedTokenCacheTest.TestTime(Instant.parse("2026-12-07T08:00:00Z"));
    private final AtomicInteger fetches = new AtomicInteger();
    private final CountDownLatch never = new CountDownLatch(1);
    private volatile JWKSet served = new JWKSet(REALM.toPublicJWK());
    private volatile boolean answering = true;
    private HttpServer server;

    private NimbusReactiveJwtDecoder decoder() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/certs", exchange -> {
            fetches.incrementAndGet();
            if (!answering) {
                try {
                    never.await(); // accepted, never answered
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            byte[] body = served.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String uri = "http://127.0.0.1:" + server.getAddress().getPort() + "/certs";
        return NimbusReactiveJwtDecoder.withJwkSource(new RealmKeys(uri, SETTINGS, clock))
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
    }

    @AfterEach
    void stop() {
        never.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void theRealmsKeysAreFetchedOnceForManyTokens() throws IOException {
        NimbusReactiveJwtDecoder decoder = decoder();

        for (int i = 0; i < 5; i++) {
            assertThat(decoder.decode(token(REALM, "user-" + i)).block(Duration.ofSeconds(10)).getSubject()).isEqualTo("user-" + i);
        }

        assertThat(fetches).hasValue(1);
    }

    @Test
    void forgedKeyIdsAreRefusedWithoutAFetchPerToken() throws IOException {
        NimbusReactiveJwtDecoder decoder = decoder();
        decoder.decode(token(REALM, "first")).block(Duration.ofSeconds(10));
        assertThatThrownBy(() -> decoder.decode(token(FORGER, "right-after")).block(Duration.ofSeconds(10)))
                .isInstanceOf(BadJwtException.class);
        assertThat(fetches).as("no fetch within the interval after the last").hasValue(1);
        clock.advance(Duration.ofSeconds(11));

        for (int i = 0; i < 20; i++) {
            String forged = token(FORGER, "forged-" + i);
            assertThatThrownBy(() -> decoder.decode(forged).block(Duration.ofSeconds(10))).isInstanceOf(BadJwtException.class);
            clock.advance(Duration.ofMillis(100));
        }

        // 2 s of forged tokens: one fetch for the first unknown key id, none more within the 10-s interval
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aKeyTheRealmRotatesInIsAcceptedOnceTheIntervalHasPassed() throws IOException {
        NimbusReactiveJwtDecoder decoder = decoder();
        decoder.decode(token(REALM, "first")).block(Duration.ofSeconds(10));
        served = new JWKSet(java.util.List.of(REALM.toPublicJWK(), ROTATED.toPublicJWK()));

        clock.advance(Duration.ofSeconds(11));

        assertThat(decoder.decode(token(ROTATED, "after-rotation")).block(Duration.ofSeconds(10)).getSubject()).isEqualTo("after-rotation");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void anUnansweredFetchRefusesTheTokenInsteadOfWaiting() throws IOException {
        NimbusReactiveJwtDecoder decoder = decoder();
        decoder.decode(token(REALM, "first")).block(Duration.ofSeconds(10));
        answering = false;
        clock.advance(Duration.ofSeconds(11));

        // the unknown key id asks the realm, which never answers: refused after the 3-s timeout
        assertThatThrownBy(() -> decoder.decode(token(FORGER, "forged")).block(Duration.ofSeconds(10)))
                .isInstanceOf(BadJwtException.class);
        // the keys held still verify the realm's tokens meanwhile
        assertThat(decoder.decode(token(REALM, "still-valid")).block(Duration.ofSeconds(10)).getSubject()).isEqualTo("still-valid");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void noKeysAtAllUntilTheRealmAnswers() throws IOException {
        answering = false;
        NimbusReactiveJwtDecoder decoder = decoder();

        assertThatThrownBy(() -> decoder.decode(token(REALM, "before")).block(Duration.ofSeconds(10)))
                .isInstanceOf(BadJwtException.class);

        answering = true;
        // no keys held: the next token asks again at once
        assertThat(decoder.decode(token(REALM, "after")).block(Duration.ofSeconds(10)).getSubject()).isEqualTo("after");
    }

    private static String token(RSAKey key, String subject) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().subject(subject).expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
