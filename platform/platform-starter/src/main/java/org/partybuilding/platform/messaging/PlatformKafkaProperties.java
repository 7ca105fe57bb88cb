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
 * @param instanceId    this instance's stable name (the pod's name, the local launcher's module name): when set, every
 *                      listener container joins its group as a static member ({@code group.instance.id} =
 *                      instance, group and topics; Spring Kafka adds {@code -n} per concurrent consumer), so a
 *                      restarted instance gets its partitions back at once instead of after the session timeout;
 *                      empty (the default): dynamic membership. Two live instances must never share it
 * @param deadLetters   what becomes of dead letters ({@link DeadLetterReplays})
 */
@ConfigurationProperties("platform.kafka")
public record PlatformKafkaProperties(int partitions, short replicas, int retries, Duration retryInterval,
        Duration maxRetryInterval, String instanceId, DeadLetterReplays deadLetters) {

    public PlatformKafkaProperties {
        partitions = partitions <= 0 ? 3 : partitions;
        replicas = replicas <= 0 ? 1 : replicas;
        retries = retries <= 0 ? 8 : retries;
        retryInterval = retryInterval == null ? Duration.ofMillis(500) : retryInterval;
        maxRetryInterval = maxRetryInterval == null ? Duration.ofSeconds(15) : maxRetryInterval;
        instanceId = instanceId == null ? "" : instanceId.trim();
        deadLetters = deadLetters == null ? new DeadLetterReplays(true, null, 0, null) : deadLetters;
    }

    /**
     * @param enabled     whether this service reads back the dead letters of its consumer groups (default true)
     * @param replayDelay how long after a record was given up it is replayed the first time; each next replay waits
     *                    twice as long (default 1 min: 1, 2, 4, 8, 16 min — a database away for half an hour)
     * @param maxReplays  replays of a record whose retries were exhausted before it is parked for an operator
     *                    (default 5); a record that is not a valid event is parked at once
     * @param pollInterval how often waiting records due for replay are looked for (default 5 s)
     */
    public record DeadLetterReplays(Boolean enabled, Duration replayDelay, int maxReplays, Duration pollInterval) {

        public DeadLetterReplays {
            enabled = enabled == null || enabled;
            replayDelay = replayDelay == null ? Duration.ofMinutes(1) : replayDelay;
            maxReplays = maxReplays <= 0 ? 5 : maxReplays;
            pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        }
    }
}
