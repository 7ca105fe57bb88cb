package org.partybuilding.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.partybuilding.events.EventFormatException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * The headers a dead letter carries, beside Spring Kafka's own {@code kafka_dlt-*} (original topic,
 * partition, offset, consumer group, exception class and message).
 */
public final class DeadLetterHeaders {

    /** Why the record was given up, in words: the failure's own message (e.g. the contract's violations). */
    public static final String REASON = "platform-dlt-reason";
    /** {@link #INVALID_EVENT} or {@link #RETRIES_EXHAUSTED}: whether replaying it can help. */
    public static final String REASON_CLASS = "platform-dlt-reason-class";
    /** The failure's class (simple name), e.g. {@code EventFormatException}, {@code DataAccessResourceFailureException}. */
    public static final String EXCEPTION = "platform-dlt-exception";

    /** Not an event of the contract: a replay cannot help until the cause is fixed, so it is parked at once. */
    public static final String INVALID_EVENT = "invalid-event";
    /** A valid record whose handling failed through every retry (database away, a bug): replayed later. */
    public static final String RETRIES_EXHAUSTED = "retries-exhausted";

    private DeadLetterHeaders() {
    }

    /** The failure behind Spring's listener wrapper. */
    public static Throwable cause(Throwable failure) {
        Throwable t = failure;
        while (t instanceof ListenerExecutionFailedException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    public static String reasonClass(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EventFormatException) {
                return INVALID_EVENT;
            }
        }
        return RETRIES_EXHAUSTED;
    }

    public static Optional<String> text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
