package org.partybuilding.platform.messaging;

import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.partybuilding.events.CloudEventAttributes;
import org.partybuilding.events.CloudEventHeaders;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.EventType;

/** A consumed record read as a CloudEvent of our contract; malformed records fail with {@code EventFormatException}. */
public record IncomingEvent(String topic, String key, CloudEventAttributes attributes, byte[] data) {

    public static IncomingEvent from(ConsumerRecord<String, byte[]> record) {
        return new IncomingEvent(record.topic(), record.key(), CloudEventHeaders.read(record.headers()), record.value());
    }

    public Optional<EventType> type() {
        return EventType.fromCeType(attributes.type());
    }

    public <T> T data(Class<T> type) {
        return EventCodec.decode(data, type);
    }
}
