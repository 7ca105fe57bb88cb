package org.partybuilding.gateway.limit;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.gateway.client-rate-limits.<client id>}: a token bucket per OAuth client (the token's {@code azp}),
 * for machine clients such as {@code district-finance} that call on their own schedule. Clients not listed (the
 * portal, people) are not limited here.
 *
 * @param clients per client id: {@code burst} requests at once, refilled at {@code per-second}
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
    }
}
