package org.partybuilding.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The gateway: routes {@code /api/**} by prefix to the services (routes in application.yml), checks
 * the JWT with platform-starter's resource-server chain, limits request size, answers its own
 * failures as problem+json and serves one Swagger UI over every service's API docs.
 */
@SpringBootApplication
@EnableConfigurationProperties(GatewaySettings.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }

    /**
     * One attempt per request, never a silent re-send: Reactor Netty otherwise retries once when a
     * pooled connection turns out closed, and a POST that a service already read must not be
     * repeated (a second organization, a second dues payment). Idle pooled connections are retired
     * early instead (httpclient.pool.max-idle-time) so that stale ones are rare.
     */
    @Bean
    HttpClientCustomizer noRetries() {
        return client -> client.disableRetry(true);
    }
}
