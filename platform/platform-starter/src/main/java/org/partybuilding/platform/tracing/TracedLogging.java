package org.partybuilding.platform.tracing;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import reactor.core.publisher.Mono;

/**
 * A log statement inside a request's reactive chain, run with the request's trace on the thread, so that its line
 * carries {@code [traceId-spanId]} whatever {@code spring.reactor.context-propagation} says. With {@code auto} (the
 * services: their outbox reads the current span from the thread) Reactor puts the trace on the thread at every
 * operator by itself; with {@code limited} (the gateway, issue 23: that restoring was about a sixth of its CPU per
 * request) nothing does, and a line logged from an operator would carry no trace id.
 */
public final class TracedLogging {

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private TracedLogging() {
    }

    /** Runs {@code statement} when subscribed, with the thread locals (the current observation) of the subscriber's context. */
    public static Mono<Void> log(Runnable statement) {
        return Mono.deferContextual(context -> {
            try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(context)) {
                statement.run();
            }
            return Mono.empty();
        });
    }
}
