package org.partybuilding.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
     * @param replicas  further instances of the same service ({@code <NAME>_SERVICE_REPLICA_URIS}, comma-separated;
     *                  empty: one instance): the routes name {@code uri}, {@code ServiceReplicas} spreads their
     *                  requests over {@code uri} and these
     */
    public record Service(URI uri, URI healthUri, List<URI> replicas) {

        public Service {
            replicas = replicas == null ? List.of()
                    : replicas.stream().filter(replica -> replica != null && !replica.toString().isBlank()).toList();
        }

        /** {@code uri} first, then the replicas. */
        public List<URI> instances() {
            List<URI> all = new ArrayList<>();
            all.add(uri);
            all.addAll(replicas);
            return List.copyOf(all);
        }

        public boolean checked() {
            return healthUri != null && !healthUri.toString().isBlank();
        }
    }
}
