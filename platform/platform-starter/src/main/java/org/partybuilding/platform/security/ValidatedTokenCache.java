package org.partybuilding.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import reactor.core.publisher.Mono;

/**
 * Checks a token's RS256 signature once, not on every request: a bounded cache of tokens the decoder behind it
 * accepted, in front of that decoder (the same JWKS, issuer, audience, expiry and signature checks).
 * <ul>
 * <li>The key is the token's text itself, compared in full, so only the very same token hits; a token changed in
 * any character (a tampered copy) misses and is checked in full. (Not its SHA-256: hashing the token's kilobyte cost
 * more per request than the lookup it keys, and the cached {@link Jwt} keeps the token's text anyway.)</li>
 * <li>An entry is held until the token's {@code exp}, and never longer than
 * {@link PlatformSecurityProperties.TokenCache#maxHold()} (a key withdrawn from the realm's JWKS stops being
 * trusted within that time), at most {@link PlatformSecurityProperties.TokenCache#maxEntries()} entries (the least
 * recently used go first).</li>
 * <li>The claim validators (expiry and not-before, issuer, audience) run again on every use of a cached token,
 * so a cached token is refused the moment it expires, whatever the cache holds.</li>
 * <li>Only accepted tokens are stored: a refused token is checked in full every time it comes back.</li>
 * </ul>
 */
public final class ValidatedTokenCache implements ReactiveJwtDecoder {

    /** The cache's name in its metrics ({@code cache_gets_total{cache="validated-tokens",result="hit"}}, ...). */
    public static final String NAME = "validated-tokens";

    private final ReactiveJwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> claims;
    private final Cache<String, Jwt> cache;

    /**
     * @param decoder the full check (signature against the JWKS, then {@code claims})
     * @param claims  the claim validators the decoder runs, run again on every cache hit
     * @param clock   what "now" is for the tokens' {@code exp} (the validators keep their own clock)
     * @param ticker  the cache's own time, for its expiry (tests pass a ticker they move)
     */
    public ValidatedTokenCache(ReactiveJwtDecoder decoder, OAuth2TokenValidator<Jwt> claims,
            PlatformSecurityProperties.TokenCache settings, Clock clock, Ticker ticker) {
        this.decoder = decoder;
        this.claims = claims;
        long maxHoldNanos = settings.maxHold().toNanos();
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.maxEntries())
                .expireAfter(new Expiry<String, Jwt>() {
                    @Override
                    public long expireAfterCreate(String key, Jwt jwt, long now) {
                        Instant expiresAt = jwt.getExpiresAt();
                        long untilExpiry = expiresAt == null ? 0 : Duration.between(clock.instant(), expiresAt).toNanos();
                        return Math.max(0, Math.min(maxHoldNanos, untilExpiry));
                    }

                    @Override
                    public long expireAfterUpdate(String key, Jwt jwt, long now, long remaining) {
                        return expireAfterCreate(key, jwt, now);
                    }

                    @Override
                    public long expireAfterRead(String key, Jwt jwt, long now, long remaining) {
                        return remaining;
                    }
                })
                .ticker(ticker)
                .recordStats()
                .build();
    }

    public ValidatedTokenCache(ReactiveJwtDecoder decoder, OAuth2TokenValidator<Jwt> claims,
            PlatformSecurityProperties.TokenCache settings) {
        this(decoder, claims, settings, Clock.systemUTC(), Ticker.systemTicker());
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt cached = cache.getIfPresent(token);
        if (cached == null) {
            return decoder.decode(token).doOnNext(jwt -> cache.put(token, jwt));
        }
        OAuth2TokenValidatorResult result = claims.validate(cached);
        if (result.hasErrors()) {
            cache.invalidate(token);
            String description = result.getErrors().stream().map(OAuth2Error::getDescription).filter(d -> d != null && !d.isEmpty())
                    .findFirst().orElse("Unable to validate Jwt");
            return Mono.error(new JwtValidationException("An error occurred while attempting to decode the Jwt: " + description,
                    result.getErrors()));
        }
        return Mono.just(cached);
    }

    /** The cache, for its metrics (hits, misses, size, evictions). */
    public Cache<?, ?> cache() {
        return cache;
    }
}
