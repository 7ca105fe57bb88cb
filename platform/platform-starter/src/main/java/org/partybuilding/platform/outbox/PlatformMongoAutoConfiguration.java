package org.partybuilding.platform.outbox;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.partybuilding.platform.messaging.VersionedReadModels;
import org.partybuilding.platform.metrics.ReadModelGauges;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.MongoClientSettings;
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

    /**
     * A database that does not answer becomes a 503 in seconds instead of a request hanging for the driver's defaults
     * (30 s to select a server, no socket timeout at all): {@code platform.mongodb.server-selection-timeout} (5 s),
     * {@code connect-timeout} (5 s, also the monitor's heartbeat), {@code socket-timeout} (10 s per answer). Applied
     * after the connection string, so they win over timeouts set there.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer platformMongoTimeouts(
            @Value("${platform.mongodb.server-selection-timeout:5s}") Duration serverSelection,
            @Value("${platform.mongodb.connect-timeout:5s}") Duration connect,
            @Value("${platform.mongodb.socket-timeout:10s}") Duration socket) {
        return new PlatformMongoTimeouts(serverSelection, connect, socket);
    }

    record PlatformMongoTimeouts(Duration serverSelection, Duration connect, Duration socket)
            implements MongoClientSettingsBuilderCustomizer, Ordered {

        @Override
        public void customize(MongoClientSettings.Builder settings) {
            settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(serverSelection.toMillis(), TimeUnit.MILLISECONDS))
                    .applyToSocketSettings(sockets -> sockets.connectTimeout((int) connect.toMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout((int) socket.toMillis(), TimeUnit.MILLISECONDS));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Creates the indexes the service declares ({@link CollectionIndexes} beans) before it reports ready. */
    @Bean
    @ConditionalOnBean(ReactiveMongoTemplate.class)
    CollectionIndexes.Creator platformCollectionIndexes(ReactiveMongoTemplate mongo, ObjectProvider<CollectionIndexes> declared) {
        return new CollectionIndexes.Creator(mongo, declared);
    }

    /** Read models kept by Kafka consumers: not for a module with MongoDB but no Kafka (the gateway's sessions). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.kafka.clients.consumer.ConsumerRecord")
    static class ReadModels {

        @Bean
        @ConditionalOnBean(ReactiveMongoTemplate.class)
        VersionedReadModels versionedReadModels(ReactiveMongoTemplate mongo, MeterRegistry meters) {
            return new VersionedReadModels(mongo, meters);
        }
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

        /** The backlog's two gauges, on a schedule of their own ({@code platform.outbox.backlog-refresh}, 1 s). */
        @Bean
        @ConditionalOnBean(OutboxRelay.class)
        ReadModelGauges outboxBacklogGauges(OutboxBacklog backlog, OutboxProperties properties, MeterRegistry meters) {
            return new ReadModelGauges(backlog.gauges(), meters, properties.backlogRefresh());
        }

        /** {@code outbox}: the last backlog reading as health details; never part of readiness. */
        @Bean
        @ConditionalOnBean(OutboxRelay.class)
        OutboxHealthIndicator outboxHealthIndicator(OutboxBacklog backlog, OutboxProperties properties) {
            return new OutboxHealthIndicator(backlog, properties.backlogDegradedAfter());
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
