package org.partybuilding.platform.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where tokens come from and whom they are for. Both the issuer and the audience are checked:
 * a resource server that only knows the key accepts any token that key signed.
 *
 * @param issuerUri   expected {@code iss}, e.g. {@code http://localhost:8180/realms/party-building}
 * @param jwkSetUri   the realm's JWKS, fetched (and cached) to verify signatures
 * @param audience    expected entry of {@code aud}
 * @param publicPaths paths served without a token (API docs); actuator lives on the management port
 * @param tokenCache  how many validated tokens are remembered, and for how long ({@link ValidatedTokenCache})
 * @param jwks        how the realm's keys are fetched ({@link RealmKeys})
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(String issuerUri, String jwkSetUri, String audience, List<String> publicPaths,
        @DefaultValue TokenCache tokenCache, @DefaultValue Jwks jwks) {

    public PlatformSecurityProperties {
        publicPaths = publicPaths == null
                ? List.of("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/actuator/**")
                : List.copyOf(publicPaths);
        tokenCache = tokenCache == null ? new TokenCache(5_000, Duration.ofMinutes(5)) : tokenCache;
        jwks = jwks == null ? new Jwks(Duration.ofSeconds(5), Duration.ofSeconds(10)) : jwks;
    }

    /**
     * {@code platform.security.jwks.*}: fetching the realm's keys.
     *
     * @param timeout         a fetch not answered within this is given up, the keys held are kept (default 5 s): a
     *                        token checked meanwhile is answered at once, never left waiting on the identity provider
     * @param refetchInterval after a fetch, a token naming an unknown key fetches again only this much later (default
     *                        10 s): forged key ids cannot make a service call the identity provider per request; a key
     *                        the realm newly rotated in is accepted at most this late
     */
    public record Jwks(@DefaultValue("5s") Duration timeout, @DefaultValue("10s") Duration refetchInterval) {

        public Jwks {
            if (timeout == null || timeout.isNegative() || timeout.isZero() || refetchInterval == null || refetchInterval.isNegative()) {
                throw new IllegalArgumentException("platform.security.jwks needs timeout > 0 and refetch-interval >= 0");
            }
        }
    }

    /**
     * {@code platform.security.token-cache.*}: tokens whose signature was checked, kept so that the next request with
     * the same token is not checked again (its claims are).
     *
     * @param maxEntries at most this many tokens (default 5,000: a district's staff and the secretaries of its
     *                   party organizations, each with a token valid 15 minutes, well within it; an entry is a few KB)
     * @param maxHold    a token is held until its {@code exp} and never longer than this (default 5 minutes): how
     *                   long a token checked once stays trusted without its signature being checked again, e.g.
     *                   after its signing key was withdrawn from the realm
     */
    public record TokenCache(@DefaultValue("5000") int maxEntries, @DefaultValue("5m") Duration maxHold) {

        public TokenCache {
            if (maxEntries < 0 || maxHold == null || maxHold.isNegative()) {
                throw new IllegalArgumentException("platform.security.token-cache needs max-entries >= 0 and max-hold >= 0");
            }
        }
    }
}
