package org.partybuilding.platform.messaging;

import java.time.Duration;

import org.reactivestreams.Publisher;

import reactor.core.publisher.Mono;

/**
 * Listener methods run on Kafka consumer threads, not on the event loop: they wait for the reactive
 * work of one record so that offsets are committed only after it, retries and the dead-letter topic
 * see the failure, and a partition's records are applied in order.
 */
public final class EventHandling {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private EventHandling() {
    }

    public static void await(Publisher<?> work) {
        Mono.from(work).then().block(LIMIT);
    }
}
