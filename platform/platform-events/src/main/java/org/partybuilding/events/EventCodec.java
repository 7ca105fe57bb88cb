package org.partybuilding.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for event data, configured once for producers and consumers alike: ISO dates, unknown
 * properties ignored (a tolerant reader, so producers may add fields without breaking consumers).
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
        try {
            return MAPPER.readValue(data, type);
        } catch (JacksonException e) {
            throw new EventFormatException("Event data is not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
