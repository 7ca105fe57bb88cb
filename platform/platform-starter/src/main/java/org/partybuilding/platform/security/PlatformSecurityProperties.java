package org.partybuilding.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens come from and whom they are for. Both the issuer and the audience are checked:
 * a resource server that only knows the key accepts any token that key signed.
 *
 * @param issuerUri   expected {@code iss}, e.g. {@code http://localhost:8180/realms/party-building}
 * @param jwkSetUri   the realm's JWKS, fetched (and cached) to verify signatures
 * @param audience    expected entry of {@code aud}
 * @param publicPaths paths served without a token (API docs); actuator lives on the management port
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(String issuerUri, String jwkSetUri, String audience, List<String> publicPaths) {

    public PlatformSecurityProperties {
        publicPaths = publicPaths == null
                ? List.of("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/actuator/**")
                : List.copyOf(publicPaths);
    }
}
