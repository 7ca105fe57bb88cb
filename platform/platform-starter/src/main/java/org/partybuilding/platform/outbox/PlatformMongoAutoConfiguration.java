package org.partybuilding.platform.outbox;

import java.net.URI;

import org.partybuilding.platform.messaging.VersionedReadModels;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/** Version-guarded read models and the outbox relay, for services that have MongoDB (and Kafka). */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(ReactiveMongoTemplate.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class PlatformMongoAutoConfiguration {

    @Bean
    @ConditionalOnBean(ReactiveMongoTemplate.class)
    VersionedReadModels versionedReadModels(ReactiveMongoTemplate mongo, MeterRegistry meters) {
        return new VersionedReadModels(mongo, meters);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaTemplate.class)
    static class Relay {

        @Bean
        @ConditionalOnBean({ReactiveMongoTemplate.class, KafkaTemplate.class})
        OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
                MeterRegistry meters, @Value("${spring.application.name}") String application) {
            return new OutboxRelay(mongo, kafka, properties, URI.create("/" + application), meters);
        }

        @Bean
        @ConditionalOnBean(OutboxRelay.class)
        OutboxBacklog outboxBacklog(ReactiveMongoTemplate mongo, OutboxProperties properties, java.time.Clock clock) {
            return new OutboxBacklog(mongo, properties.collections(), clock);
        }

        /** The backlog's two gauges, refreshed with the other read-model gauges. */
        @Bean
        @ConditionalOnBean(OutboxRelay.class)
        org.partybuilding.platform.metrics.ReadModelGauge outboxBacklogEvents(OutboxBacklog backlog) {
            return backlog.gauges().get(0);
        }

        @Bean
        @ConditionalOnBean(OutboxRelay.class)
        org.partybuilding.platform.metrics.ReadModelGauge outboxBacklogOldestAge(OutboxBacklog backlog) {
            return backlog.gauges().get(1);
        }

        @Bean
        @ConditionalOnBean(OutboxRelay.class)
        VersionedWrites versionedWrites(ReactiveMongoTemplate mongo, OutboxRelay relay) {
            return new VersionedWrites(mongo, relay);
        }

        @Bean
        @ConditionalOnBean(OutboxRelay.class)
        BulkInserts bulkInserts(ReactiveMongoTemplate mongo, OutboxRelay relay) {
            return new BulkInserts(mongo, relay);
        }
    }
}
