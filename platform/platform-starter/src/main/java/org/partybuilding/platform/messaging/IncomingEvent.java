package org.partybuilding.platform.messaging;

import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.partybuilding.events.CloudEventAttributes;
import org.partybuilding.events.CloudEventHeaders;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.EventFormatException;
import org.partybuilding.events.EventType;

/** A consumed record read as a CloudEvent of our contract; malformed records fail with {@code EventFormatException}. */
public record IncomingEvent(String topic, String key, CloudEventAttributes attributes, byte[] data) {

    public static IncomingEvent from(ConsumerRecord<String, byte[]> record) {
        return new IncomingEvent(record.topic(), record.key(), CloudEventHeaders.read(record.headers()), record.value());
    }

    public Optional<EventType> type() {
        return EventType.fromCeType(attributes.type());
    }

    /**
     * Whether a consumer handles this event: {@code true} for one of {@code handled}, {@code false}
     * for one of {@code skipped} (events of the topic that are not the consumer's business), and an
     * {@link EventFormatException} (straight to the dead letters) for anything else.
     */
    public boolean handledAmong(Set<EventType> handled, Set<EventType> skipped) {
        EventType type = type().orElseThrow(() -> new EventFormatException("Unknown event type " + attributes.type()
                + " on " + topic));
        if (handled.contains(type)) {
            return true;
        }
        if (skipped.contains(type)) {
            return false;
        }
        throw new EventFormatException("Unexpected event " + type.ceType() + " on " + topic);
    }

    /**
     * The event's data as {@code type}, checked against its contract ({@code EventContract}: required fields, enum
     * values, money, dates). Every consumer reads its data here, so none can forget the check: data that breaks the
     * contract fails with an {@link EventFormatException} naming every reason, and goes to the dead letters at once.
     */
    public <T> T data(Class<T> type) {
        return EventCodec.decode(data, type);
    }
}
