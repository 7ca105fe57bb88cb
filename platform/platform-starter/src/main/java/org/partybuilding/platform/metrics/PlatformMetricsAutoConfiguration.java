package org.partybuilding.platform.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Metrics every service shares beyond Boot's own: the business gauges of {@link ReadModelGauge} beans and readiness,
 * and filters that keep a scrape small: of the Kafka clients' several hundred meters only those the alerts and
 * dashboards read (consumer lag and consumption, producer sends and errors), and none of the timers nobody reads.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
public class PlatformMetricsAutoConfiguration {

    public static final String READINESS = "platform.health.readiness";

    /** Kafka client meters kept (prefixes); every other {@code kafka.*} meter is denied. */
    static final List<String> KAFKA_METERS_KEPT = List.of(
            "kafka.consumer.fetch.manager.records.lag",
            "kafka.consumer.fetch.manager.records.consumed",
            "kafka.consumer.coordinator.assigned.partitions",
            "kafka.producer.record.send",
            "kafka.producer.record.error",
            "kafka.producer.request.latency.avg");

    /**
     * Leaves out what no alert or dashboard reads and what multiplies series: Spring Security's observation timers
     * (per filter chain and authorization), the in-flight request timers, the outgoing-request timers (the gateway's
     * route metrics say the same per route), and the management port's own requests (every scrape and probe would
     * otherwise add latency buckets per actuator path).
     */
    @Bean
    MeterFilter platformLeanMeterFilter() {
        return MeterFilter.deny(id -> {
            String name = id.getName();
            String uri = id.getTag("uri");
            return name.startsWith("spring.security.") || name.equals("http.server.requests.active")
                    || name.startsWith("http.client.requests")
                    || (name.equals("http.server.requests") && uri != null && uri.startsWith("/actuator"));
        });
    }

    @Bean
    MeterFilter platformKafkaMeterFilter() {
        return MeterFilter.deny(id -> id.getName().startsWith("kafka.")
                && KAFKA_METERS_KEPT.stream().noneMatch(id.getName()::startsWith));
    }

    /**
     * {@code platform_health_readiness}: 1 while the readiness group is UP (a service: readinessState and its MongoDB;
     * the gateway: readinessState), else 0 — what the "readiness failing" alert reads. Evaluated with the other
     * gauges on their schedule, off the event loop.
     */
    @Bean
    ReadModelGauge platformReadinessGauge(ObjectProvider<HealthEndpoint> health) {
        return ReadModelGauge.of(READINESS, "1 when the readiness health group is UP, else 0",
                () -> Mono.fromCallable(() -> {
                            HealthEndpoint endpoint = health.getIfAvailable();
                            HealthDescriptor readiness = endpoint == null ? null : endpoint.healthForPath("readiness");
                            return readiness != null && Status.UP.equals(readiness.getStatus());
                        })
                        .subscribeOn(Schedulers.boundedElastic())
                        .map(up -> Map.<Tags, Number>of(Tags.empty(), up ? 1 : 0)));
    }

    /** The business gauges' refresher (the outbox backlog has one of its own, every second). */
    @Bean
    @org.springframework.context.annotation.Primary
    ReadModelGauges readModelGauges(ObjectProvider<ReadModelGauge> gauges, MeterRegistry meters,
            @Value("${platform.metrics.read-model-refresh:30s}") Duration interval) {
        return new ReadModelGauges(gauges.orderedStream().toList(), meters, interval);
    }
}
