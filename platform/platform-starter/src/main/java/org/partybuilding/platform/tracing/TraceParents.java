package org.partybuilding.platform.tracing;

import java.util.function.Supplier;

/**
 * The W3C {@code traceparent} of the span current on this thread, for what leaves later on another thread: the
 * outbox stores it with each event when the change is written, and the relay sends it as a Kafka header, so
 * that the consumer's span continues the trace of the request that made the change.
 * <p>
 * A static source because events are made by the static {@code OutboxEvent.of}; set once by
 * {@link PlatformTracingAutoConfiguration}, {@code null} without tracing.
 */
public final class TraceParents {

    /** The Kafka header (and outbox field) name of W3C trace context. */
    public static final String HEADER = "traceparent";

    private static volatile Supplier<String> source = () -> null;

    private TraceParents() {
    }

    /** The current span's {@code traceparent}, or {@code null} when there is no span (or no tracing). */
    public static String current() {
        try {
            return source.get();
        } catch (RuntimeException e) {
            return null; // tracing must never fail a write
        }
    }

    static synchronized void use(Supplier<String> current) {
        source = current;
    }

    /** Back to no tracing, unless another application context has installed its own source since. */
    static synchronized void release(Supplier<String> current) {
        if (source == current) {
            source = () -> null;
        }
    }
}
