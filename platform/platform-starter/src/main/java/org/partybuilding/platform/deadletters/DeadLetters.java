package org.partybuilding.platform.deadletters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.partybuilding.platform.messaging.DeadLetterHeaders;
import org.partybuilding.platform.messaging.PlatformKafkaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.support.KafkaHeaders;

import io.micrometer.core.instrument.Tags;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What becomes of this service's dead letters. A record its retries could not save (the database away for minutes, a
 * bug fixed by the next deployment) waits and is replayed after {@code replay-delay}, then twice as long each time, up
 * to {@code max-replays}: handed again to the listener of the consumer group that gave up on it, in this service
 * (nothing is published: no other group sees a replay, and a service needs no right to write another service's
 * topic). Replaying is harmless, as every consumer is version-guarded. A record that is not a valid event, or that
 * failed through every replay, is parked for an operator, who lists it and replays it once its cause is fixed
 * ({@code /actuator/deadletters}).
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    /** A claim older than this was made by an instance that died before it finished; another may take it. */
    private static final Duration STALE_CLAIM = Duration.ofMinutes(2);
    private static final int LISTED = 200;

    private final ReactiveMongoTemplate mongo;
    private final PlatformKafkaProperties.DeadLetterReplays settings;
    private final Clock clock;
    private volatile java.util.Set<String> watched = java.util.Set.of();
    private volatile java.util.function.BiConsumer<String, ConsumerRecord<String, byte[]>> redeliver = (group, record) -> {
        throw new IllegalStateException("dead letters are not being replayed in this instance yet");
    };

    public DeadLetters(ReactiveMongoTemplate mongo, PlatformKafkaProperties.DeadLetterReplays settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Keeps a record read from a dead-letter topic if one of {@code groups} gave up on it: waiting for a replay, or
     * parked. Emits whether it was this service's.
     */
    public Mono<Boolean> receive(ConsumerRecord<?, byte[]> deadLetter, Set<String> groups) {
        var headers = deadLetter.headers();
        String group = DeadLetterHeaders.text(headers, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP).orElse(null);
        if (group == null || !groups.contains(group)) {
            return Mono.just(false);
        }
        String topic = DeadLetterHeaders.text(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC)
                .orElse(deadLetter.topic().substring(0, deadLetter.topic().length() - ".dlt".length()));
        String exceptionClass = DeadLetterHeaders.text(headers, DeadLetterHeaders.EXCEPTION)
                .or(() -> DeadLetterHeaders.text(headers, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                .orElse("unknown");
        String reasonClass = DeadLetterHeaders.text(headers, DeadLetterHeaders.REASON_CLASS)
                .orElse(exceptionClass.endsWith("EventFormatException") ? DeadLetterHeaders.INVALID_EVENT
                        : DeadLetterHeaders.RETRIES_EXHAUSTED);
        String reason = DeadLetterHeaders.text(headers, DeadLetterHeaders.REASON)
                .or(() -> DeadLetterHeaders.text(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).orElse("");
        int replays = 0;
        boolean park = DeadLetterHeaders.INVALID_EVENT.equals(reasonClass);
        Instant now = clock.instant();
        List<DeadLetter.StoredHeader> kept = new ArrayList<>();
        for (Header header : headers) {
            kept.add(new DeadLetter.StoredHeader(header.key(), header.value()));
        }
        DeadLetter letter = new DeadLetter(deadLetter.topic() + "-" + deadLetter.partition() + "@" + deadLetter.offset(),
                topic, (int) binary(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION, -1),
                binary(headers, KafkaHeaders.DLT_ORIGINAL_OFFSET, -1),
                group, deadLetter.key() == null ? null : deadLetter.key().toString(), deadLetter.value(), kept,
                reasonClass, reason, exceptionClass, replays, park ? DeadLetter.PARKED : DeadLetter.WAITING, now,
                park ? null : now.plus(delayBefore(replays)), null, null);
        if (park) {
            log.warn("Dead letter parked for an operator: {} of {} ({}, {} replays): {}", letter.id(), group, reasonClass,
                    replays, reason);
        }
        return mongo.insert(letter)
                .onErrorResume(DuplicateKeyException.class, alreadyKept -> Mono.empty()) // the same dead letter read again
                .thenReturn(true);
    }

    /** Spring Kafka writes the original partition (4 bytes) and offset (8 bytes) as big-endian binary numbers. */
    static long binary(org.apache.kafka.common.header.Headers headers, String name, long absent) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return absent;
        }
        byte[] bytes = header.value();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
        return bytes.length == Integer.BYTES ? buffer.getInt() : bytes.length == Long.BYTES ? buffer.getLong() : absent;
    }

    /** replay-delay × 2^replays. */
    Duration delayBefore(int replays) {
        return settings.replayDelay().multipliedBy(1L << Math.min(replays, 20));
    }

    /** Replays every waiting record that is due, one claim at a time (replicas share the collection); emits how many. */
    public Mono<Long> replayDue() {
        return claim().expand(ignored -> claim()).take(500)
                .concatMap(this::replay)
                .count();
    }

    private Mono<DeadLetter> claim() {
        Instant now = clock.instant();
        Query due = Query.query(new Criteria().orOperator(
                Criteria.where("status").is(DeadLetter.WAITING).and("dueAt").lte(now),
                Criteria.where("status").is(DeadLetter.REPLAYING).and("claimedAt").lt(now.minus(STALE_CLAIM))));
        due.with(Sort.by("dueAt"));
        return mongo.findAndModify(due, new Update().set("status", DeadLetter.REPLAYING).set("claimedAt", now),
                FindAndModifyOptions.options().returnNew(true), DeadLetter.class);
    }

    /** How a record is handed again to its group's listener here (set by {@link DeadLetterReplayer}). */
    void redeliverWith(java.util.function.BiConsumer<String, ConsumerRecord<String, byte[]>> redeliverer) {
        this.redeliver = redeliverer;
    }

    /** The record as it was consumed: its topic, partition, offset, key, value and headers, without the dead letter's own. */
    static ConsumerRecord<String, byte[]> original(DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        for (DeadLetter.StoredHeader header : letter.headers()) {
            if (!header.name().startsWith("kafka_dlt-") && !header.name().startsWith("platform-dlt-")) {
                headers.add(header.name(), header.value());
            }
        }
        return new ConsumerRecord<>(letter.topic(), Math.max(letter.partition(), 0), Math.max(letter.offset(), 0L),
                ConsumerRecord.NO_TIMESTAMP, org.apache.kafka.common.record.TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE, letter.value() == null ? ConsumerRecord.NULL_SIZE : letter.value().length,
                letter.key(), letter.value(), headers, java.util.Optional.empty());
    }

    /**
     * Hands the record to its group's listener again, off the event loop (listeners block on their work). Applied:
     * {@code REPLAYED}. Failed again: waits twice as long, or is parked when it is not a valid event or has used its
     * replays, with the new reason.
     */
    private Mono<DeadLetter> replay(DeadLetter letter) {
        Query mine = Query.query(Criteria.where("_id").is(letter.id()).and("status").is(DeadLetter.REPLAYING));
        return Mono.fromRunnable(() -> redeliver.accept(letter.group(), original(letter)))
                .subscribeOn(Schedulers.boundedElastic())
                .then(Mono.defer(() -> mongo.updateFirst(mine, new Update().set("status", DeadLetter.REPLAYED)
                        .set("replayedAt", clock.instant()).inc("replays", 1), DeadLetter.class)))
                .doOnSuccess(done -> log.info("Dead letter {} of {} replayed to its listener (replay {})", letter.id(),
                        letter.group(), letter.replays() + 1))
                .thenReturn(letter)
                .onErrorResume(e -> failedAgain(letter, mine, e));
    }

    private Mono<DeadLetter> failedAgain(DeadLetter letter, Query mine, Throwable failure) {
        Throwable cause = DeadLetterHeaders.cause(failure);
        String reasonClass = DeadLetterHeaders.reasonClass(failure);
        int replays = letter.replays() + 1;
        boolean park = DeadLetterHeaders.INVALID_EVENT.equals(reasonClass) || replays >= settings.maxReplays();
        Instant now = clock.instant();
        log.warn("Replay {} of dead letter {} ({}) failed; {}: {}", replays, letter.id(), letter.group(),
                park ? "parked for an operator" : "next replay in " + delayBefore(replays), cause.toString());
        return mongo.updateFirst(mine, new Update().set("status", park ? DeadLetter.PARKED : DeadLetter.WAITING)
                        .set("replays", replays).set("reasonClass", reasonClass).set("reason", String.valueOf(cause.getMessage()))
                        .set("exception", cause.getClass().getSimpleName()).set("dueAt", park ? null : now.plus(delayBefore(replays))),
                        DeadLetter.class)
                .thenReturn(letter);
    }

    /**
     * After an operator fixed the cause: the parked records (one, or all) wait again, due at once, with their replays
     * counted from zero. Emits how many.
     */
    public Mono<Long> replayParked(String id) {
        Criteria parked = Criteria.where("status").is(DeadLetter.PARKED);
        if (id != null) {
            parked = parked.and("_id").is(id);
        }
        return mongo.updateMulti(Query.query(parked), new Update().set("status", DeadLetter.WAITING)
                        .set("dueAt", clock.instant()).set("replays", 0), DeadLetter.class)
                .map(result -> result.getModifiedCount());
    }

    /** What an operator reads: how many wait and are parked, and the newest {@value #LISTED} of them with their reasons. */
    public Mono<Listing> list() {
        Query open = Query.query(Criteria.where("status").in(DeadLetter.WAITING, DeadLetter.REPLAYING, DeadLetter.PARKED));
        open.with(Sort.by(Sort.Direction.DESC, "deadAt")).limit(LISTED);
        open.fields().exclude("value").exclude("headers");
        return Mono.zip(counts(), mongo.find(open, DeadLetter.class).map(Entry::of).collectList())
                .map(t -> new Listing(t.getT1().getOrDefault(DeadLetter.WAITING, 0L)
                        + t.getT1().getOrDefault(DeadLetter.REPLAYING, 0L),
                        t.getT1().getOrDefault(DeadLetter.PARKED, 0L), t.getT2()));
    }

    private Mono<Map<String, Long>> counts() {
        return openByTopic().map(rows -> {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            rows.forEach((key, n) -> byStatus.merge(key.status(), n, Long::sum));
            return byStatus;
        });
    }

    /** Open records per topic and status: the gauge's rows. */
    Mono<Map<TopicStatus, Long>> openByTopic() {
        Query open = Query.query(Criteria.where("status").in(DeadLetter.WAITING, DeadLetter.REPLAYING, DeadLetter.PARKED));
        open.fields().include("topic").include("status");
        return mongo.find(open, org.bson.Document.class, DeadLetter.COLLECTION)
                .reduce(new LinkedHashMap<TopicStatus, Long>(), (sum, d) -> {
                    sum.merge(new TopicStatus(d.getString("topic"), d.getString("status")), 1L, Long::sum);
                    return sum;
                })
                .map(rows -> (Map<TopicStatus, Long>) rows);
    }

    /** The topics whose dead letters this service reads back: the gauge shows them at zero too. */
    void watch(java.util.Collection<String> topics) {
        watched = java.util.Set.copyOf(topics);
    }

    /** The gauge {@code platform.kafka.dead.letters.waiting}: open dead letters per topic and state (waiting, parked). */
    public Mono<Map<Tags, Number>> gaugeRows() {
        return openByTopic().map(rows -> {
            Map<Tags, Number> out = new LinkedHashMap<>();
            for (String topic : watched) {
                out.put(Tags.of("topic", topic, "state", "waiting"), 0);
                out.put(Tags.of("topic", topic, "state", "parked"), 0);
            }
            rows.forEach((key, n) -> out.merge(Tags.of("topic", key.topic(), "state",
                    DeadLetter.PARKED.equals(key.status()) ? "parked" : "waiting"), n, (a, b) -> a.longValue() + b.longValue()));
            return out;
        });
    }

    record TopicStatus(String topic, String status) {
    }

    /** One open dead letter as the operator's endpoint lists it (no payload: it may be large, and is in the database). */
    public record Entry(String id, String topic, String key, String group, String status, String reasonClass, String reason,
            String exception, int replays, Instant deadAt, Instant dueAt) {

        static Entry of(DeadLetter d) {
            return new Entry(d.id(), d.topic(), d.key(), d.group(), d.status(), d.reasonClass(), d.reason(), d.exception(),
                    d.replays(), d.deadAt(), d.dueAt());
        }
    }

    public record Listing(long waiting, long parked, List<Entry> records) {
    }

}
