package org.partybuilding.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's own settings ({@code platform.gateway.*}); routes themselves are Spring Cloud
 * Gateway configuration and refer to {@code services.<name>.uri}.
 *
 * @param maxRequestSize largest request body passed on; bigger ones get 413 (the registry's
 *                       CSV/XLSX import needs a few MB)
 * @param healthTimeout  how long the readiness check waits for each service
 * @param services       each service by name: where its API is and where its readiness probe is
 */
@ConfigurationProperties("platform.gateway")
public record GatewaySettings(DataSize maxRequestSize, Duration healthTimeout, Map<String, Service> services) {

    public GatewaySettings {
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(10) : maxRequestSize;
        healthTimeout = healthTimeout == null ? Duration.ofSeconds(2) : healthTimeout;
        services = services == null ? Map.of() : new TreeMap<>(services);
    }

    /**
     * @param uri       the service's API port, e.g. {@code http://127.0.0.1:8081}
     * @param healthUri its readiness probe on the management port (actuator is not on the API port);
     *                  empty: the gateway's readiness does not wait for this service
     */
    public record Service(URI uri, URI healthUri) {

        public boolean checked() {
            return healthUri != null && !healthUri.toString().isBlank();
        }
    }
}
