package org.partybuilding.platform.deadletters;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.partybuilding.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.GenericMessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.FixedBackOff;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Reads back the dead letters of this service's consumer groups, automatically in every service: one container in a
 * group of its own ({@code <application>.dead-letters}) reads {@code <topic>.dlt} of every topic the service's
 * listeners read (the dead-letter topics are shared by all groups of a topic; the {@code kafka_dlt-original-consumer-group}
 * header says whose a record is) and keeps this service's in {@code dead_letters} ({@link DeadLetters#receive}); a
 * loop replays the due ones every {@code platform.kafka.dead-letters.poll-interval}. Storing never gives up (a dead
 * letter is not lost because the database is away: the container retries it until it is stored). A replay hands the
 * record to the listener of the group that gave up on it, in this instance ({@link #redeliver}).
 */
public class DeadLetterReplayer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);
    private static final Duration STORE_LIMIT = Duration.ofSeconds(30);

    private final DeadLetters deadLetters;
    private final KafkaListenerEndpointRegistry listeners;
    private final ConsumerFactory<Object, Object> consumers;
    private final String application;
    private final String defaultGroup;
    private final Duration pollInterval;
    private volatile ConcurrentMessageListenerContainer<Object, Object> container;
    private volatile Disposable loop;
    private volatile Set<String> groups = Set.of();

    public DeadLetterReplayer(DeadLetters deadLetters, KafkaListenerEndpointRegistry listeners,
            ConsumerFactory<Object, Object> consumers, String application, String defaultGroup, Duration pollInterval) {
        this.deadLetters = deadLetters;
        this.listeners = listeners;
        this.consumers = consumers;
        this.application = application;
        this.defaultGroup = defaultGroup;
        this.pollInterval = pollInterval;
    }

    /** The consumer groups of this service's listeners: whose dead letters are this service's to replay. */
    public Set<String> groups() {
        return groups;
    }

    @Override
    public void start() {
        Set<String> ownGroups = new LinkedHashSet<>();
        Set<String> deadLetterTopics = new LinkedHashSet<>();
        listeners.getListenerContainers().forEach(c -> {
            ownGroups.add(c.getGroupId() != null ? c.getGroupId() : defaultGroup);
            String[] topics = c.getContainerProperties().getTopics();
            if (topics != null) {
                Arrays.stream(topics).filter(Objects::nonNull).filter(Topics.ALL::contains).map(Topics::deadLetter)
                        .forEach(deadLetterTopics::add);
            }
        });
        groups = Set.copyOf(ownGroups);
        deadLetters.redeliverWith(this::redeliver);
        deadLetters.watch(deadLetterTopics.stream().map(t -> t.substring(0, t.length() - ".dlt".length())).toList());
        if (!deadLetterTopics.isEmpty()) {
            ContainerProperties properties = new ContainerProperties(deadLetterTopics.toArray(String[]::new));
            properties.setGroupId(application + ".dead-letters");
            properties.setMessageListener((MessageListener<Object, Object>) this::onDeadLetter);
            ConcurrentMessageListenerContainer<Object, Object> started = new ConcurrentMessageListenerContainer<>(consumers, properties);
            started.setBeanName("platformDeadLetterReplayer");
            // never skip a dead letter: retry storing it until the database answers
            started.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(5000, FixedBackOff.UNLIMITED_ATTEMPTS)));
            started.start();
            container = started;
            log.info("Reading dead letters of groups {} from {}", groups, deadLetterTopics);
        }
        loop = Flux.interval(pollInterval, pollInterval)
                .onBackpressureDrop()
                .concatMap(tick -> deadLetters.replayDue().onErrorResume(e -> {
                    log.debug("Replaying due dead letters failed; next round", e);
                    return reactor.core.publisher.Mono.empty();
                }), 1)
                .subscribe();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void onDeadLetter(ConsumerRecord<Object, Object> record) {
        deadLetters.receive((ConsumerRecord) record, groups).block(STORE_LIMIT);
    }

    /**
     * The record, as first consumed, to the listener of {@code group} that reads its topic, on the calling thread
     * (the listener blocks on its work and throws what it threw the first time, wrapped by Spring's adapter).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void redeliver(String group, ConsumerRecord<String, byte[]> record) {
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            String containerGroup = container.getGroupId() != null ? container.getGroupId() : defaultGroup;
            String[] topics = container.getContainerProperties().getTopics();
            if (group.equals(containerGroup) && topics != null && Arrays.asList(topics).contains(record.topic())
                    && container.getContainerProperties().getMessageListener() instanceof GenericMessageListener listener) {
                listener.onMessage(record, null, null);
                return;
            }
        }
        throw new IllegalStateException("No listener of group " + group + " reads " + record.topic() + " in this instance");
    }

    @Override
    public void stop() {
        Disposable current = loop;
        if (current != null) {
            current.dispose();
        }
        ConcurrentMessageListenerContainer<Object, Object> running = container;
        if (running != null) {
            running.stop();
        }
        loop = null;
        container = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }

    /** After the listener containers (so their groups are known), before nothing else. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50;
    }

    List<String> topics() {
        ConcurrentMessageListenerContainer<Object, Object> running = container;
        return running == null ? List.of() : List.of(running.getContainerProperties().getTopics());
    }
}
