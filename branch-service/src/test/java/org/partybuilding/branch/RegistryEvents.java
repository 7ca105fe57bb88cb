package org.partybuilding.branch;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.partybuilding.events.CloudEventAttributes;
import org.partybuilding.events.CloudEventHeaders;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.EventType;
import org.partybuilding.events.OrganizationSnapshot;
import org.partybuilding.events.Topics;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes {@code registry.organizations.v1} events as registry-service's outbox relay does: CloudEvents headers, key = id. */
public final class RegistryEvents {

    private final KafkaTemplate<String, byte[]> kafka;

    public RegistryEvents(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    public void publish(EventType type, OrganizationSnapshot snapshot) {
        publish(type.ceType(), snapshot.id(), EventCodec.encode(snapshot));
    }

    /** Any ce_type and data, for records that are not events of the contract. */
    public void publish(String ceType, String key, byte[] data) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.REGISTRY_ORGANIZATIONS, key, data);
        CloudEventHeaders.write(new CloudEventAttributes(UUID.randomUUID().toString(), ceType, URI.create("/registry-service"),
                Instant.now(), key), record.headers());
        send(record);
    }

    public void send(ProducerRecord<String, byte[]> record) {
        try {
            kafka.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + record.topic(), e);
        }
    }

    /** An organization as registry-service describes it; change fields with the {@code with…} methods. */
    public static Organization organization(String id, String street) {
        return new Organization(id, 1, "社会组织" + id, "SOCIAL_GROUP", street, "越秀区民政局", "ACTIVE");
    }

    public record Organization(String id, long version, String name, String type, String street, String supervisoryUnit,
            String status) {

        public Organization version(long newVersion) {
            return new Organization(id, newVersion, name, type, street, supervisoryUnit, status);
        }

        public Organization named(String newName) {
            return new Organization(id, version, newName, type, street, supervisoryUnit, status);
        }

        public Organization type(String newType) {
            return new Organization(id, version, name, newType, street, supervisoryUnit, status);
        }

        public Organization supervisedBy(String unit) {
            return new Organization(id, version, name, type, street, unit, status);
        }

        public Organization deregistered() {
            return new Organization(id, version, name, type, street, supervisoryUnit, "DEREGISTERED");
        }

        public OrganizationSnapshot snapshot() {
            boolean deregistered = "DEREGISTERED".equals(status);
            return new OrganizationSnapshot(id, version, name, "51440104MJ" + id, type, "DISTRICT", LocalDate.of(2023, 5, 4),
                    supervisoryUnit, "EDUCATION", street, "越秀区某路1号", new OrganizationSnapshot.LegalRepresentative("张伟", false),
                    12, 6, "NORMAL", status, deregistered ? LocalDate.of(2026, 10, 1) : null, deregistered ? "合并" : null);
        }
    }
}
