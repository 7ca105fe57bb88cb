package org.partybuilding.platform.outbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code outbox}: per outbox collection, the events not yet published and the age of the oldest, as the backlog gauges
 * last read them (no search per health request). UP, or DEGRADED (HTTP 200) while an event has waited longer than
 * {@code platform.outbox.backlog-degraded-after}: Kafka away or the relay stuck; writes still succeed, so this is a
 * detail and an alert ({@code OutboxBacklogOld}), never readiness.
 */
public class OutboxHealthIndicator implements HealthIndicator {

    private final OutboxBacklog backlog;
    private final Duration degradedAfter;

    public OutboxHealthIndicator(OutboxBacklog backlog, Duration degradedAfter) {
        this.backlog = backlog;
        this.degradedAfter = degradedAfter;
    }

    @Override
    public Health health() {
        Map<String, OutboxBacklog.Backlog> last = backlog.last();
        boolean late = last.values().stream().anyMatch(b -> b.oldestAge().compareTo(degradedAfter) > 0);
        Map<String, Object> details = new LinkedHashMap<>();
        last.forEach((collection, b) -> details.put(collection,
                Map.of("pendingEvents", b.events(), "oldestAgeSeconds", b.oldestAge().toSeconds())));
        return Health.status(late ? org.partybuilding.platform.health.PlatformStatus.DEGRADED : org.springframework.boot.health.contributor.Status.UP)
                .withDetails(details).build();
    }
}
