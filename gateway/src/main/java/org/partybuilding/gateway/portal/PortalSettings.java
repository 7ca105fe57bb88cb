package org.partybuilding.gateway.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The portal's login ({@code platform.portal.*}): the gateway is the realm's confidential client {@code portal}
 * and keeps the tokens in the browser's server-side session.
 *
 * @param clientId     the Keycloak client, {@code portal}
 * @param clientSecret its secret ({@code PORTAL_CLIENT_SECRET}); empty: a public client (PKCE alone)
 * @param secureCookie mark the session cookie {@code Secure} (behind HTTPS; the local run is plain HTTP)
 */
@ConfigurationProperties("platform.portal")
public record PortalSettings(String clientId, String clientSecret, boolean secureCookie) {

    public PortalSettings {
        clientId = clientId == null || clientId.isBlank() ? "portal" : clientId;
        clientSecret = clientSecret == null ? "" : clientSecret;
    }
}
