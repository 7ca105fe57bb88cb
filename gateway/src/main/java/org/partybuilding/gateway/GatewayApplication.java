package org.partybuilding.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The gateway: routes {@code /api/**} by prefix to the services (routes in application.yml), checks
 * the JWT with platform-starter's resource-server chain, limits request size, answers its own
 * failures as problem+json and serves one Swagger UI over every service's API docs.
 */
@SpringBootApplication
@EnableConfigurationProperties({GatewaySettings.class, org.partybuilding.gateway.limit.ClientRateLimitSettings.class})
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
