package org.partybuilding.platform.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param partitions    partitions of each topic the platform creates (and of its dead-letter topic)
 * @param replicas      replication factor (1 locally, 3 in production)
 * @param retries       attempts after the first failure before a readable record goes to {@code <topic>.dlt}
 *                      (an unreadable one goes at once)
 * @param retryInterval the first pause; each next one doubles, up to {@code maxRetryInterval}, so that a short
 *                      outage of the service's own database does not send valid events to the dead-letter topic
 */
@ConfigurationProperties("platform.kafka")
public record PlatformKafkaProperties(int partitions, short replicas, int retries, Duration retryInterval,
        Duration maxRetryInterval) {

    public PlatformKafkaProperties {
        partitions = partitions <= 0 ? 3 : partitions;
        replicas = replicas <= 0 ? 1 : replicas;
        retries = retries <= 0 ? 8 : retries;
        retryInterval = retryInterval == null ? Duration.ofMillis(500) : retryInterval;
        maxRetryInterval = maxRetryInterval == null ? Duration.ofSeconds(15) : maxRetryInterval;
    }
}
