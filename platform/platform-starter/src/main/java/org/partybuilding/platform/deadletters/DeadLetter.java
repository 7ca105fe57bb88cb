package org.partybuilding.platform.deadletters;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A record one of this service's consumer groups gave up on, read back from {@code <topic>.dlt} into
 * {@value #COLLECTION}: the record itself (key, value, headers, where it came from), why it was given up, and what
 * becomes of it: {@code WAITING} for its next replay ({@code dueAt}), {@code REPLAYING} (claimed by one instance),
 * {@code REPLAYED} (sent to its topic again, for its group only), or {@code PARKED} for an operator (not a valid
 * event, or failed through every replay).
 *
 * @param id            {@code <dead-letter topic>-<partition>@<offset>}: reading the same dead letter twice stores it once
 * @param group         the consumer group that failed on it, the only one its replay is for
 * @param replays       how often it has been replayed so far
 */
@Document(DeadLetter.COLLECTION)
public record DeadLetter(
        @Id String id,
        String topic,
        int partition,
        long offset,
        String group,
        String key,
        byte[] value,
        List<StoredHeader> headers,
        String reasonClass,
        String reason,
        String exception,
        int replays,
        String status,
        Instant deadAt,
        Instant dueAt,
        Instant claimedAt,
        Instant replayedAt) {

    public static final String COLLECTION = "dead_letters";

    public static final String WAITING = "WAITING";
    public static final String REPLAYING = "REPLAYING";
    public static final String REPLAYED = "REPLAYED";
    public static final String PARKED = "PARKED";

    /** One Kafka header of the record as it was consumed. */
    public record StoredHeader(String name, byte[] value) {
    }
}
