package org.partybuilding.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections  the aggregate collections whose documents carry an outbox
 * @param pollInterval how often the relay looks for pending events (writes also wake it at once)
 * @param batchSize    documents per collection and round
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(List<String> collections, Duration pollInterval, int batchSize) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        batchSize = batchSize <= 0 ? 500 : batchSize;
    }
}
