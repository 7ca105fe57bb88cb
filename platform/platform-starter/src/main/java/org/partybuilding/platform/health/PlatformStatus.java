package org.partybuilding.platform.health;

import org.springframework.boot.health.contributor.Status;

/**
 * The health statuses the platform adds to Boot's. {@code platform-defaults.yml} orders them
 * ({@code DOWN, OUT_OF_SERVICE, DEGRADED, UP, UNKNOWN}) and maps DEGRADED to HTTP 200.
 */
public final class PlatformStatus {

    /**
     * Working, with something it depends on away: Kafka (events wait in the outbox), an old outbox backlog, a service
     * behind the gateway. Never part of readiness; an alert says it, not the load balancer.
     */
    public static final Status DEGRADED = new Status("DEGRADED");

    private PlatformStatus() {
    }
}
