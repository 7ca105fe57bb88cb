package org.partybuilding.platform.deadletters;

import java.time.Clock;

import org.partybuilding.platform.messaging.PlatformKafkaProperties;
import org.partybuilding.platform.metrics.ReadModelGauge;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Dead letters that come back ({@link DeadLetters}), in every service with MongoDB and Kafka listeners. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.partybuilding.platform.messaging.PlatformKafkaAutoConfiguration",
        "org.partybuilding.platform.outbox.PlatformMongoAutoConfiguration"})
@ConditionalOnClass({ReactiveMongoTemplate.class, KafkaTemplate.class})
@ConditionalOnProperty(name = "platform.kafka.dead-letters.enabled", havingValue = "true", matchIfMissing = true)
public class PlatformDeadLettersAutoConfiguration {

    /** Open dead letters of this service per topic and state ({@code waiting}, {@code parked}); alert DeadLettersParked. */
    public static final String WAITING = "platform.kafka.dead.letters.waiting";

    @Bean
    @ConditionalOnBean({ReactiveMongoTemplate.class, KafkaTemplate.class})
    DeadLetters deadLetters(ReactiveMongoTemplate mongo, PlatformKafkaProperties properties, Clock clock) {
        return new DeadLetters(mongo, properties.deadLetters(), clock);
    }

    @Bean
    @ConditionalOnBean({DeadLetters.class, KafkaListenerEndpointRegistry.class})
    DeadLetterReplayer deadLetterReplayer(DeadLetters deadLetters, KafkaListenerEndpointRegistry listeners,
            ConsumerFactory<?, ?> consumers, PlatformKafkaProperties properties,
            @Value("${spring.application.name}") String application,
            @Value("${spring.kafka.consumer.group-id:${spring.application.name}}") String defaultGroup) {
        @SuppressWarnings("unchecked")
        ConsumerFactory<Object, Object> factory = (ConsumerFactory<Object, Object>) consumers;
        return new DeadLetterReplayer(deadLetters, listeners, factory, application, defaultGroup,
                properties.deadLetters().pollInterval());
    }

    @Bean
    @ConditionalOnBean(DeadLetters.class)
    DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters) {
        return new DeadLettersEndpoint(deadLetters);
    }

    @Bean
    @ConditionalOnBean(DeadLetters.class)
    ReadModelGauge deadLettersWaitingGauge(DeadLetters deadLetters) {
        return ReadModelGauge.of(WAITING, "Dead letters of this service waiting for a replay or parked for an operator",
                deadLetters::gaugeRows);
    }
}
