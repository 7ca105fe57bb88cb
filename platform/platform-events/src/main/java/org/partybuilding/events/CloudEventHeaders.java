package org.partybuilding.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: attributes travel as {@code ce_*}
 * headers, the data as the record value with {@code content-type: application/json}. Written by
 * hand because the CloudEvents Java SDK does not support Jackson 3 yet.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    public static void write(CloudEventAttributes attributes, Headers headers) {
        put(headers, SPEC_VERSION, CloudEventAttributes.SPEC_VERSION);
        put(headers, ID, attributes.id());
        put(headers, TYPE, attributes.type());
        put(headers, SOURCE, attributes.source().toString());
        put(headers, TIME, attributes.time().toString());
        if (attributes.subject() != null) {
            put(headers, SUBJECT, attributes.subject());
        }
        put(headers, CONTENT_TYPE, JSON);
    }

    /** Reads the attributes back; a missing or malformed required header is an {@link EventFormatException}. */
    public static CloudEventAttributes read(Headers headers) {
        String specVersion = get(headers, SPEC_VERSION);
        if (!CloudEventAttributes.SPEC_VERSION.equals(specVersion)) {
            throw new EventFormatException("Unsupported or missing ce_specversion: " + specVersion);
        }
        String time = get(headers, TIME);
        String source = get(headers, SOURCE);
        try {
            return new CloudEventAttributes(
                    get(headers, ID),
                    get(headers, TYPE),
                    source == null ? null : URI.create(source),
                    time == null ? null : Instant.parse(time),
                    get(headers, SUBJECT));
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            throw new EventFormatException("Malformed CloudEvent headers: " + e.getMessage(), e);
        }
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
