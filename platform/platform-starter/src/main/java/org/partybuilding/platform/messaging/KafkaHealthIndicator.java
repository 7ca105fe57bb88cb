package org.partybuilding.platform.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Kafka is reachable when the cluster answers {@code describeCluster} within two seconds: {@code UP}; otherwise
 * {@link #DEGRADED}, never {@code DOWN}. The outbox exists so that writes go on while Kafka is away, so Kafka is a
 * detail of {@code /actuator/health} (and an alert), not part of readiness: a service whose broker is gone still
 * serves its API ({@code platform-defaults.yml} maps DEGRADED to HTTP 200 and orders it between DOWN and UP).
 */
public class KafkaHealthIndicator implements ReactiveHealthIndicator, DisposableBean {

    /** Working, with something it depends on away (Kafka: events wait in the outbox). HTTP 200. */
    public static final Status DEGRADED = org.partybuilding.platform.health.PlatformStatus.DEGRADED;

    private static final int TIMEOUT_MS = 2000;

    private final KafkaAdmin kafkaAdmin;
    private volatile AdminClient client;

    public KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        this.kafkaAdmin = kafkaAdmin;
    }

    @Override
    public Mono<Health> health() {
        return Mono.fromCallable(() -> client().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                        .clusterId().get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS))
                .subscribeOn(Schedulers.boundedElastic())
                .map(clusterId -> Health.up().withDetail("clusterId", clusterId).build())
                .onErrorResume(e -> Mono.just(Health.status(DEGRADED)
                        .withDetail("error", "Kafka is not reachable: events wait in the outbox, consumers resume when it is back")
                        .withDetail("cause", String.valueOf(e instanceof java.util.concurrent.ExecutionException && e.getCause() != null
                                ? e.getCause() : e))
                        .build()));
    }

    private AdminClient client() {
        AdminClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
                    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
                    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
                    client = AdminClient.create(config);
                }
                current = client;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        if (client != null) {
            client.close();
        }
    }
}
