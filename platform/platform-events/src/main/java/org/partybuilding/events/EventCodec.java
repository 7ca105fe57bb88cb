package org.partybuilding.events;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for event data, configured once for producers and consumers alike: ISO dates, unknown
 * properties ignored (a tolerant reader, so producers may add fields without breaking consumers).
 * Decoding also checks the data's contract ({@link EventContract}): every consumer reads through here, so
 * none can forget it.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventCodec() {
    }

    public static byte[] encode(Object data) {
        try {
            return MAPPER.writeValueAsBytes(data);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Event data cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T decode(byte[] data, Class<T> type) {
        if (data == null) {
            throw new EventFormatException("Event has no data");
        }
        T value;
        try {
            value = MAPPER.readValue(data, type);
        } catch (JacksonException e) {
            throw new EventFormatException("Event data is not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
        if (value == null) {
            throw new EventFormatException("Event data is null, not a " + type.getSimpleName());
        }
        if (value instanceof EventContract contract) {
            List<String> violations = contract.violations();
            if (!violations.isEmpty()) {
                throw new EventFormatException(type.getSimpleName() + " breaks the event contract: "
                        + String.join("; ", violations), violations);
            }
        }
        return value;
    }
}
