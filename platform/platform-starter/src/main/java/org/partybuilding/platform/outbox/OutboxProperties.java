package org.partybuilding.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections  the aggregate collections whose documents carry an outbox
 * @param pollInterval how often the relay looks for pending events (writes also wake it at once)
 * @param batchSize    documents per collection and round
 * @param leaseTime    how long a relay instance holds a collection without renewing it (it renews every
 *                     round); a replica that dies is replaced as publisher after this long
 * @param backlogRefresh how often the backlog gauges and the {@code outbox} health details are read (default 1 s)
 * @param backlogDegradedAfter the {@code outbox} health indicator says DEGRADED (HTTP 200: a detail, never readiness)
 *                     while the oldest pending event is older than this (default 1 min)
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(List<String> collections, Duration pollInterval, int batchSize, Duration leaseTime,
        Duration backlogRefresh, Duration backlogDegradedAfter) {

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        batchSize = batchSize <= 0 ? 500 : batchSize;
        leaseTime = leaseTime == null ? Duration.ofSeconds(10) : leaseTime;
        backlogRefresh = backlogRefresh == null ? Duration.ofSeconds(1) : backlogRefresh;
        backlogDegradedAfter = backlogDegradedAfter == null ? Duration.ofMinutes(1) : backlogDegradedAfter;
    }

    /** The relay's settings with the backlog's defaults. */
    public OutboxProperties(List<String> collections, Duration pollInterval, int batchSize, Duration leaseTime) {
        this(collections, pollInterval, batchSize, leaseTime, null, null);
    }
}
