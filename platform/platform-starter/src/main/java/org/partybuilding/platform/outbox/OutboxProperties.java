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
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(List<String> collections, Duration pollInterval, int batchSize, Duration leaseTime) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        batchSize = batchSize <= 0 ? 500 : batchSize;
        leaseTime = leaseTime == null ? Duration.ofSeconds(10) : leaseTime;
    }
}
