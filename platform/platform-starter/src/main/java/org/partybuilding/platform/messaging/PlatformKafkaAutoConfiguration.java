package org.partybuilding.platform.messaging;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.partybuilding.events.EventFormatException;
import org.partybuilding.events.Topics;
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
 * malformed event goes there at once. Nothing stops a
 * partition. Also creates the contract's topics and their dead-letter twins.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(PlatformKafkaProperties.class)
public class PlatformKafkaAutoConfiguration {

    /** Records sent to {@code <topic>.dlt}, tagged with the topic they came from. */
    public static final String DEAD_LETTERS = "platform.kafka.dead.letters";

    @Bean
    CommonErrorHandler platformKafkaErrorHandler(KafkaTemplate<String, byte[]> template, MeterRegistry meters,
            PlatformKafkaProperties properties) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> {
            meters.counter(DEAD_LETTERS, "topic", record.topic()).increment();
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

    /** Commit offsets without waiting for the broker's answer: consumers are version-guarded, so a replay after a crash is harmless. */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> platformAsyncCommits() {
        return container -> container.getContainerProperties().setSyncCommits(false);
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
                .forEach(topic -> meters.counter(DEAD_LETTERS, "topic", topic)));
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin);
    }
}
