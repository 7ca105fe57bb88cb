package org.partybuilding.platform.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param partitions    partitions of each topic the platform creates (and of its dead-letter topic)
 * @param replicas      replication factor (1 locally, 3 in production)
 * @param retries       attempts after the first failure before a record goes to {@code <topic>.dlt}
 * @param retryInterval pause between those attempts
 */
@ConfigurationProperties("platform.kafka")
public record PlatformKafkaProperties(int partitions, short replicas, int retries, Duration retryInterval) {

    public PlatformKafkaProperties {
        partitions = partitions <= 0 ? 3 : partitions;
        replicas = replicas <= 0 ? 1 : replicas;
        retries = retries < 0 ? 3 : retries;
        retryInterval = retryInterval == null ? Duration.ofMillis(500) : retryInterval;
    }
}
