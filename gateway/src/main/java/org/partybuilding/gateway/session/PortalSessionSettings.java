package org.partybuilding.gateway.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.gateway.session.*}: the portal's server-side sessions, kept in the gateway's MongoDB database so that
 * every gateway instance serves every session.
 *
 * @param key           base64 of 32 random bytes ({@code GATEWAY_SESSION_KEY}, a secret): seals each session (its
 *                      tokens) with AES-256-GCM before it is stored. No default: the gateway does not start without it
 * @param maxIdle       a session unused this long is gone (30 min, as Keycloak's SSO idle time)
 * @param touchInterval a request that changed nothing in the session writes it again only when its last write is
 *                      older than this, to keep it alive: otherwise a portal request costs one read and no write. The
 *                      idle time is thus counted from at most this long before the last request
 */
@ConfigurationProperties("platform.gateway.session")
public record PortalSessionSettings(String key, Duration maxIdle, Duration touchInterval) {

    public PortalSessionSettings {
        maxIdle = maxIdle == null ? Duration.ofMinutes(30) : maxIdle;
        touchInterval = touchInterval == null ? Duration.ofMinutes(1) : touchInterval;
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("platform.gateway.session.key (GATEWAY_SESSION_KEY) must be set:"
                    + " base64 of 32 random bytes that seal the portal's sessions in MongoDB");
        }
        if (touchInterval.compareTo(maxIdle) >= 0) {
            throw new IllegalArgumentException("platform.gateway.session.touch-interval must be shorter than max-idle");
        }
    }
}
