package org.partybuilding.gateway.limit;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.gateway.client-rate-limits.<client id>}: a request budget per OAuth client (the token's {@code azp}),
 * for machine clients such as {@code district-finance} that call on their own schedule. Clients not listed (the
 * portal, people) are not limited here.
 *
 * @param clients per client id: {@code burst} requests at once, {@code per-second} on average (a window of
 *                {@code burst / per-second} seconds holds {@code burst} requests, counted across gateway instances)
 */
@ConfigurationProperties("platform.gateway.client-rate-limits")
public record ClientRateLimitSettings(Map<String, Limit> clients) {

    public ClientRateLimitSettings {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }

    public record Limit(int burst, double perSecond) {

        public Limit {
            if (burst < 1 || perSecond <= 0) {
                throw new IllegalArgumentException("A client rate limit needs burst >= 1 and per-second > 0");
            }
        }

        /** How long one counting window lasts: {@code burst} requests at {@code per-second}, at least 1 ms. */
        public long windowMillis() {
            return Math.max(1L, Math.round(burst / perSecond * 1000));
        }
    }
}
