package org.partybuilding.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/** The cache of validated tokens never accepts what the full check would refuse, and it counts what it does. */
class ValidatedTokenCacheTest {

    private static final String ISSUER = "http://127.0.0.1/realms/party-building";
    private static final String AUDIENCE = "party-building-api";
    private static final RSAKey KEY = key();

    /** The wall clock the tokens' exp is read against and, separately, the cache's own ticker. */
    private final TestTime clock = new TestTime(Instant.parse("2026-12-06T08:00:00Z"));
    private final TestTime ticker = new TestTime(Instant.EPOCH);
    private final AtomicInteger fullChecks = new AtomicInteger();

    private ValidatedTokenCache cache(int maxEntries, Duration maxHold) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(); // 60 s clock skew, as in the platform
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> claims = new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER),
                new AudienceValidator(AUDIENCE));
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withPublicKey(publicKey()).build();
        nimbus.setJwtValidator(claims);
        ReactiveJwtDecoder counted = token -> {
            fullChecks.incrementAndGet();
            return nimbus.decode(token);
        };
        return new ValidatedTokenCache(counted, claims, new PlatformSecurityProperties.TokenCache(maxEntries, maxHold), clock, ticker);
    }

    private ValidatedTokenCache cache() {
        return cache(100, Duration.ofMinutes(5));
    }

    @Test
    void aTokenIsCheckedInFullOnceThenServedFromTheCache() {
        ValidatedTokenCache tokens = cache();
        String token = token(AUDIENCE, clock.instant().plus(Duration.ofMinutes(15)));

        Jwt first = tokens.decode(token).block();
        Jwt second = tokens.decode(token).block();

        assertThat(second).isSameAs(first);
        assertThat(second.getClaimAsString("preferred_username")).isEqualTo("committee-admin");
        assertThat(fullChecks).hasValue(1);
    }

    @Test
    void anExpiredCachedTokenIsRefused() {
        ValidatedTokenCache tokens = cache();
        Instant expiry = clock.instant().plus(Duration.ofMinutes(2));
        String token = token(AUDIENCE, expiry);
        tokens.decode(token).block();

        // past exp (and the 60 s clock skew the full check allows), the cache's own clock moved as well
        clock.advance(Duration.ofMinutes(4));
        ticker.advance(Duration.ofMinutes(4));
        assertThatThrownBy(() -> tokens.decode(token).block()).isInstanceOf(BadJwtException.class).hasMessageContaining("expired");
    }

    @Test
    void theClaimsAreCheckedOnEveryUseSoAnExpiredTokenIsRefusedEvenWhileTheCacheStillHoldsIt() {
        ValidatedTokenCache tokens = cache(100, Duration.ofHours(1));
        String token = token(AUDIENCE, clock.instant().plus(Duration.ofMinutes(2)));
        tokens.decode(token).block();

        clock.advance(Duration.ofMinutes(4)); // the cache's ticker stands still: the entry is still there
        assertThatThrownBy(() -> tokens.decode(token).block()).isInstanceOf(BadJwtException.class).hasMessageContaining("expired");
        assertThat(fullChecks).as("refused on the cached copy, not by a second full check").hasValue(1);
        assertThat(tokens.cache().asMap()).as("and dropped").isEmpty();
    }

    @Test
    void aTamperedCopyOfACachedTokenIsRefused() {
        ValidatedTokenCache tokens = cache();
        String token = token(AUDIENCE, clock.instant().plus(Duration.ofMinutes(15)));
        tokens.decode(token).block();

        String[] parts = token.split("\\.");
        // the claims changed (another role), the signature kept
        String claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace("COMMITTEE_ADMIN", "DISTRICT_ADMIN");
        String otherClaims = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "." + parts[2];
        // one character of the signature changed
        char last = parts[2].charAt(parts[2].length() - 2);
        String otherSignature = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);

        assertThat(otherClaims).isNotEqualTo(token).contains("." + parts[2]);
        for (String tampered : List.of(otherClaims, otherSignature)) {
            assertThatThrownBy(() -> tokens.decode(tampered).block()).isInstanceOf(BadJwtException.class);
        }
        assertThat(fullChecks).hasValue(3);
        assertThat(tokens.decode(token).block()).isNotNull();
        assertThat(fullChecks).hasValue(3);
    }

    @Test
    void aRefusedTokenIsNeverCachedAndIsCheckedInFullEachTime() {
        ValidatedTokenCache tokens = cache();
        String foreign = token("some-other-api", clock.instant().plus(Duration.ofMinutes(15)));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode(foreign).block()).isInstanceOf(BadJwtException.class);
        }
        assertThat(fullChecks).hasValue(3);
        assertThat(tokens.cache().asMap()).isEmpty();
    }

    @Test
    void anEntryIsHeldNoLongerThanMaxHoldEvenIfTheTokenLivesLonger() {
        ValidatedTokenCache tokens = cache(100, Duration.ofMinutes(5));
        String token = token(AUDIENCE, clock.instant().plus(Duration.ofHours(1)));
        tokens.decode(token).block();

        clock.advance(Duration.ofMinutes(4));
        ticker.advance(Duration.ofMinutes(4));
        tokens.decode(token).block();
        assertThat(fullChecks).hasValue(1);

        clock.advance(Duration.ofMinutes(2));
        ticker.advance(Duration.ofMinutes(2));
        tokens.decode(token).block();
        assertThat(fullChecks).as("checked in full again after max-hold").hasValue(2);
    }

    @Test
    void itHoldsAtMostMaxEntries() {
        ValidatedTokenCache tokens = cache(2, Duration.ofMinutes(5));
        for (int i = 0; i < 5; i++) {
            tokens.decode(token(AUDIENCE, clock.instant().plus(Duration.ofMinutes(15)))).block();
        }
        tokens.cache().cleanUp();
        assertThat(tokens.cache().estimatedSize()).isLessThanOrEqualTo(2);
    }

    @Test
    void itsHitsMissesAndSizeAreMetrics() {
        ValidatedTokenCache tokens = cache();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CaffeineCacheMetrics.monitor(registry, tokens.cache(), ValidatedTokenCache.NAME);
        String token = token(AUDIENCE, clock.instant().plus(Duration.ofMinutes(15)));
        for (int i = 0; i < 3; i++) {
            tokens.decode(token).block();
        }

        assertThat(registry.get("cache.gets").tags("cache", ValidatedTokenCache.NAME, "result", "hit").functionCounter().count()).isEqualTo(2);
        assertThat(registry.get("cache.gets").tags("cache", ValidatedTokenCache.NAME, "result", "miss").functionCounter().count()).isEqualTo(1);
        assertThat(registry.get("cache.size").tags("cache", ValidatedTokenCache.NAME).gauge().value()).isEqualTo(1);
    }

    private String token(String audience, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("3f1c5a2e-0000-4000-8000-000000000001")
                .audience(List.of(audience, "account"))
                .issueTime(Date.from(clock.instant().minusSeconds(10)))
                .expirationTime(Date.from(expiresAt))
                .jwtID(java.util.UUID.randomUUID().toString())
                .claim("preferred_username", "committee-admin")
                .claim("realm_access", Map.of("roles", List.of("COMMITTEE_ADMIN")))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.security.interfaces.RSAPublicKey publicKey() {
        try {
            return KEY.toRSAPublicKey();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock and a cache ticker that move only when told. */
    static final class TestTime extends Clock implements Ticker {

        private volatile Instant now;

        TestTime(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public long read() {
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
