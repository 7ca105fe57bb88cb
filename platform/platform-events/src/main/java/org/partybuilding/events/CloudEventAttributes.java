package org.partybuilding.events;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * The CloudEvents 1.0 context attributes we use. {@code source} names the producing service
 * (e.g. {@code /registry-service}); {@code subject} the aggregate id.
 */
public record CloudEventAttributes(String id, String type, URI source, Instant time, String subject) {

    public static final String SPEC_VERSION = "1.0";

    public CloudEventAttributes {
        requireText(id, "id");
        requireText(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new EventFormatException("CloudEvent attribute '" + name + "' is required");
        }
    }
}
