package org.partybuilding.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.partybuilding.events.AggregateSnapshot;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.EventType;
import org.partybuilding.platform.tracing.TraceParents;

/**
 * An event waiting inside its aggregate's MongoDB document (field {@value #OUTBOX_FIELD}) until the
 * relay has published it. Written in the same single-document write as the change it reports, so a
 * change and its event are saved together or not at all.
 *
 * @param eventId the CloudEvents {@code id}, also what the relay removes the entry by
 * @param data        the event data as JSON
 * @param traceparent the W3C trace context the change was made in (sent as a Kafka header), or {@code null}
 */
public record OutboxEvent(String eventId, String topic, String type, String key, String subject, Instant time, String data,
        String traceparent) {

    public static final String OUTBOX_FIELD = "outbox";

    /**
     * Present exactly when a document has events waiting: what the relay and the backlog search by. A sparse index
     * on it ({@link #PENDING_INDEX}) holds only those documents, so finding none among 100,000 members reads nothing.
     */
    public static final String PENDING_FIELD = OUTBOX_FIELD + ".0.eventId";

    /** The sparse index on {@link #PENDING_FIELD} every outbox collection gets when its relay starts. */
    public static final String PENDING_INDEX = "outbox_pending";

    /** The event of a change: its data is the aggregate's state after the change. */
    public static OutboxEvent of(EventType type, AggregateSnapshot snapshot) {
        return of(type, snapshot, snapshot.id());
    }

    /**
     * The event keyed by {@code key} rather than by the snapshot's id, for events that must stay in order
     * with another aggregate's (a member's dues with the member): same key, same partition.
     */
    public static OutboxEvent of(EventType type, AggregateSnapshot snapshot, String key) {
        return new OutboxEvent(UUID.randomUUID().toString(), type.topic(), type.ceType(), key, snapshot.id(),
                Instant.now(), new String(EventCodec.encode(snapshot), StandardCharsets.UTF_8), TraceParents.current());
    }
}
