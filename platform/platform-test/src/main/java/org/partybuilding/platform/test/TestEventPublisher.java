package org.partybuilding.platform.test;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.partybuilding.events.AggregateSnapshot;
import org.partybuilding.events.CloudEventAttributes;
import org.partybuilding.events.CloudEventHeaders;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.EventType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Publishes events as another service's outbox relay would (CloudEvents binary headers, key = the
 * aggregate id), so a consumer can be tested with redelivered, replayed and out-of-order events.
 */
public final class TestEventPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public TestEventPublisher(EmbeddedKafkaBroker broker) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
    }

    public void publish(EventType type, AggregateSnapshot snapshot) {
        publish(type.topic(), type.ceType(), snapshot.id(), EventCodec.encode(snapshot));
    }

    /** An event as if published at {@code time} ({@code ce_time}): what a consumer falls back to for undated facts. */
    public void publish(EventType type, AggregateSnapshot snapshot, Instant time) {
        publish(type.topic(), type.ceType(), snapshot.id(), EventCodec.encode(snapshot), time);
    }

    /** Any record, including ones that are not events of the contract. */
    public void publish(String topic, String ceType, String key, byte[] data) {
        publish(topic, ceType, key, data, Instant.now());
    }

    private void publish(String topic, String ceType, String key, byte[] data, Instant time) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, data);
        CloudEventHeaders.write(new CloudEventAttributes(UUID.randomUUID().toString(), ceType,
                URI.create("/test-publisher"), time, key), record.headers());
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
