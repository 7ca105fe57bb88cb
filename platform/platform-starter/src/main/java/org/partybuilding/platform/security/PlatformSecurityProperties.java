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
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(String issuerUri, String jwkSetUri, String audience, List<String> publicPaths,
        @DefaultValue TokenCache tokenCache) {

    public PlatformSecurityProperties {
        publicPaths = publicPaths == null
                ? List.of("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/actuator/**")
                : List.copyOf(publicPaths);
        tokenCache = tokenCache == null ? new TokenCache(5_000, Duration.ofMinutes(5)) : tokenCache;
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
