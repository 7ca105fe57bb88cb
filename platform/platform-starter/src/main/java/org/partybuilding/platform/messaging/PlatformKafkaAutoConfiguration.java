package org.partybuilding.platform.messaging;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.TopicPartition;
import org.partybuilding.events.EventFormatException;
import org.partybuilding.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The same error policy on every listener of every service: bounded retries with growing pauses
 * (about a minute in all by default), then the record goes to {@code <topic>.dlt} and is counted; a
 * record that is not a valid event of the contract ({@code EventFormatException}, e.g. from {@code IncomingEvent.data})
 * goes there at once. The dead letter says why in its headers ({@link DeadLetterHeaders}), the counter is tagged with
 * the topic and the reason's class. Nothing stops a partition. Also creates the contract's topics and their
 * dead-letter twins.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(PlatformKafkaProperties.class)
public class PlatformKafkaAutoConfiguration {

    /** Records sent to {@code <topic>.dlt}, tagged with the topic they came from and {@code reason} (see {@link DeadLetterHeaders}). */
    public static final String DEAD_LETTERS = "platform.kafka.dead.letters";

    private static final Logger log = LoggerFactory.getLogger(PlatformKafkaAutoConfiguration.class);
    private static final int REASON_LIMIT = 2000;

    @Bean
    CommonErrorHandler platformKafkaErrorHandler(KafkaTemplate<String, byte[]> template, MeterRegistry meters,
            PlatformKafkaProperties properties) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        // Spring's own kafka_dlt-* headers name the original topic, partition, offset and consumer group, and the
        // listener wrapper's exception; these say in plain words what failed and whether a replay can help.
        deadLetters.setHeadersFunction((record, e) -> {
            Throwable cause = DeadLetterHeaders.cause(e);
            String reason = String.valueOf(cause.getMessage());
            RecordHeaders headers = new RecordHeaders();
            headers.add(DeadLetterHeaders.REASON, DeadLetterHeaders.bytes(
                    reason.length() > REASON_LIMIT ? reason.substring(0, REASON_LIMIT) : reason));
            headers.add(DeadLetterHeaders.REASON_CLASS, DeadLetterHeaders.bytes(DeadLetterHeaders.reasonClass(e)));
            headers.add(DeadLetterHeaders.EXCEPTION, DeadLetterHeaders.bytes(cause.getClass().getSimpleName()));
            return headers;
        });
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> {
            String reasonClass = DeadLetterHeaders.reasonClass(e);
            meters.counter(DEAD_LETTERS, "topic", record.topic(), "reason", reasonClass).increment();
            log.warn("Dead letter: {}-{}@{} ({}) {}", record.topic(), record.partition(), record.offset(), reasonClass,
                    DeadLetterHeaders.cause(e).toString());
            deadLetters.accept(record, e);
        }, backOff(properties));
        handler.addNotRetryableExceptions(EventFormatException.class);
        return handler;
    }

    private static ExponentialBackOffWithMaxRetries backOff(PlatformKafkaProperties properties) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.retries());
        backOff.setInitialInterval(properties.retryInterval().toMillis());
        backOff.setMultiplier(2);
        backOff.setMaxInterval(properties.maxRetryInterval().toMillis());
        return backOff;
    }

    /** The platform's topics and their dead-letter topics, unless an operator provisions them ({@code platform.kafka.create-topics}). */
    @Bean
    @ConditionalOnProperty(prefix = "platform.kafka", name = "create-topics",
            havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics platformTopics(PlatformKafkaProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, properties.partitions(), properties.replicas()));
            topics.add(new NewTopic(Topics.deadLetter(topic), properties.partitions(), properties.replicas()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /**
     * Every listener container of the service: commits offsets without waiting for the broker's answer (consumers are
     * version-guarded, so a replay after a crash is harmless) and, when {@code platform.kafka.instance-id} is set, joins
     * its group as a static member so that a restarted instance resumes its partitions at once.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> platformContainers(
            PlatformKafkaProperties properties,
            @Value("${spring.kafka.consumer.group-id:${spring.application.name:}}") String defaultGroup) {
        return container -> {
            container.getContainerProperties().setSyncCommits(false);
            if (!properties.instanceId().isEmpty()) {
                String group = container.getGroupId() != null ? container.getGroupId() : defaultGroup;
                String[] topics = container.getContainerProperties().getTopics();
                String listened = topics == null ? container.getListenerId() : String.join("+", topics);
                container.getContainerProperties().getKafkaConsumerProperties().setProperty(
                        ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, properties.instanceId() + "." + group + "." + listened);
            }
        };
    }

    /**
     * Registers {@code platform.kafka.dead.letters} at zero for every topic a listener of this service reads, so
     * that the series exists (and {@code increase()} sees the first dead letter) before anything has failed.
     */
    @Bean
    org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationReadyEvent> platformDeadLetterMeters(
            org.springframework.beans.factory.ObjectProvider<org.springframework.kafka.config.KafkaListenerEndpointRegistry> listeners,
            MeterRegistry meters) {
        return ready -> listeners.ifAvailable(registry -> registry.getListenerContainers().stream()
                .map(container -> container.getContainerProperties().getTopics())
                .filter(java.util.Objects::nonNull)
                .flatMap(java.util.Arrays::stream)
                .distinct()
                .forEach(topic -> {
                    meters.counter(DEAD_LETTERS, "topic", topic, "reason", DeadLetterHeaders.INVALID_EVENT);
                    meters.counter(DEAD_LETTERS, "topic", topic, "reason", DeadLetterHeaders.RETRIES_EXHAUSTED);
                }));
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin);
    }

    /** {@code platform_health_kafka}: 1 while Kafka answers, else 0 — alert KafkaUnreachable (never readiness). */
    @Bean
    org.partybuilding.platform.metrics.ReadModelGauge platformKafkaHealthGauge(KafkaHealthIndicator kafka) {
        return org.partybuilding.platform.metrics.ReadModelGauge.of("platform.health.kafka",
                "1 while Kafka answers this service, else 0 (events then wait in the outbox)",
                () -> kafka.health().map(h -> java.util.Map.<io.micrometer.core.instrument.Tags, Number>of(
                        io.micrometer.core.instrument.Tags.empty(),
                        org.springframework.boot.health.contributor.Status.UP.equals(h.getStatus()) ? 1 : 0)));
    }
}
