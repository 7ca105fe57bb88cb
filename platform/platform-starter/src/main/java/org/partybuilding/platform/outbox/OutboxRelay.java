package org.partybuilding.platform.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.partybuilding.events.CloudEventAttributes;
import org.partybuilding.events.CloudEventHeaders;
import org.partybuilding.platform.tracing.TraceParents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes pending outbox entries to Kafka ({@code acks=all}, idempotent producer) and removes each
 * entry only after the broker has acknowledged it. While Kafka is down, writes go on and entries
 * wait; a round stops at the first failure and the next round retries, so one aggregate's events
 * leave in order. Delivery is at least once: consumers are version-guarded, so a repeat is harmless.
 * <p>
 * Several replicas of a service may share one database: per collection only the replica holding the
 * collection's lease ({@link OutboxLeases}) publishes, so each entry is sent once and in order; the
 * others keep writing and find their entries published by the holder's next poll.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Sends waiting for the broker's acknowledgement at once, across documents. */
    private static final int SENDS_IN_FLIGHT = 64;
    /** Hinted ids kept per collection at most (a few MB); beyond, the relay searches. */
    private static final int MAX_HINTS = 200_000;
    /** The longest a bulk write holds the relay back. */
    private static final Duration MAX_HOLD_BACK = Duration.ofSeconds(60);

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final URI source;
    private final MeterRegistry meters;
    private final OutboxLeases leases;
    private final Sinks.Many<Long> wakeUps = Sinks.many().multicast().directBestEffort();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final Map<String, Hints> hints = new ConcurrentHashMap<>();
    private final AtomicInteger bulkWrites = new AtomicInteger();
    private volatile long heldBackSince;
    private volatile Disposable loop;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
            URI source, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.source = source;
        this.meters = meters;
        String host = System.getenv("HOSTNAME");
        this.leases = new OutboxLeases(mongo, (host == null || host.isBlank() ? "relay" : host) + "-"
                + java.util.UUID.randomUUID().toString().substring(0, 8), properties.leaseTime());
    }

    /** Asks for a round now instead of at the next poll (called after a write that appended events). */
    public void wakeUp() {
        wakeUps.tryEmitNext(System.nanoTime());
    }

    /**
     * Asks for a round now and says which documents of {@code collection} have new events, so that the
     * round reads them by id instead of looking through the collection for pending entries (MongoDB has
     * no index that finds a non-empty array; at 100,000 documents each round would read all of them).
     */
    public void wakeUp(String collection, Collection<?> ids) {
        hints.computeIfAbsent(collection, c -> new Hints()).add(ids);
        wakeUp();
    }

    /**
     * Runs a bulk write (an import of thousands of rows) with the relay held back until it ends, then
     * wakes the relay: on a small machine, publishing the first rows' events — and every consumer
     * applying them — would compete with the import for the same cores. The events are not delayed
     * beyond the import (at most {@link #MAX_HOLD_BACK}); single writes are never held back.
     */
    public <T> Mono<T> holdingBackDuring(Mono<T> bulkWrite) {
        return Mono.defer(() -> {
            if (bulkWrites.getAndIncrement() == 0) {
                heldBackSince = System.nanoTime();
            }
            return bulkWrite;
        }).doFinally(signal -> {
            bulkWrites.decrementAndGet();
            wakeUp();
        });
    }

    private boolean heldBack() {
        return bulkWrites.get() > 0 && System.nanoTime() - heldBackSince < MAX_HOLD_BACK.toNanos();
    }

    /** One round over every outbox collection, searching each; emits how many events were published. */
    public Mono<Long> relayOnce() {
        return relayOnce(true);
    }

    private Mono<Long> relayOnce(boolean search) {
        return Flux.fromIterable(properties.collections())
                .concatMap(collection -> drain(collection, search))
                .reduce(0L, Long::sum);
    }

    /**
     * Rounds over one collection while they find a full batch: a bulk import's events leave at once, not
     * a batch per poll. A poll searches first (so nothing waits behind a stream of hinted writes), a wake-up
     * reads the hinted documents.
     */
    private Mono<Long> drain(String collection, boolean search) {
        return relayCollection(collection, search)
                .expand(round -> round.full() && !heldBack() ? relayCollection(collection, false) : Mono.empty())
                .reduce(0L, (sum, round) -> sum + round.published());
    }

    /** What a round over a collection did: events published, and whether there may be more. */
    private record Round(long published, boolean full) {
    }

    /**
     * One round over a collection: every pending event of up to {@code batchSize} documents is sent,
     * one document's events in order and documents side by side, then the sent entries are removed
     * in one bulk write. If a send failed the round ends in that failure once the others are removed.
     * Documents named by hints are read by id; without hints the collection is searched (which also
     * finds what other instances or an earlier run left pending).
     */
    private Mono<Round> relayCollection(String collection, boolean search) {
        return leases.acquire(collection).flatMap(held -> {
            if (held) {
                return relayHeldCollection(collection, search);
            }
            // Another replica publishes this collection; it finds these documents by searching.
            Hints hinted = hints.get(collection);
            if (hinted != null) {
                hinted.clear();
            }
            return Mono.just(new Round(0, false));
        });
    }

    private Mono<Round> relayHeldCollection(String collection, boolean search) {
        Hints hinted = hints.get(collection);
        List<Object> ids = hinted == null || search ? List.of() : hinted.take(properties.batchSize());
        Criteria criteria = Criteria.where(OutboxEvent.PENDING_FIELD).exists(true);
        if (!ids.isEmpty()) {
            criteria = Criteria.where("_id").in(ids).and(OutboxEvent.PENDING_FIELD).exists(true);
        }
        Query pending = Query.query(criteria).limit(properties.batchSize());
        pending.fields().include(OutboxEvent.OUTBOX_FIELD);
        boolean byHints = !ids.isEmpty();
        return mongo.find(pending, Document.class, collection)
                .flatMap(document -> publishInOrder(collection, document), SENDS_IN_FLIGHT)
                .collectList()
                .flatMap(results -> remove(collection, results).then(Mono.defer(() -> {
                    long published = results.stream().mapToLong(r -> r.eventIds().size()).sum();
                    Throwable failure = results.stream().map(Published::failure).filter(java.util.Objects::nonNull)
                            .findFirst().orElse(null);
                    if (failure != null) {
                        // What was not sent stays pending; the next search finds it.
                        return Mono.<Round>error(failure);
                    }
                    boolean more = results.size() >= properties.batchSize() || (hinted != null && hinted.waiting());
                    return Mono.just(new Round(published, more));
                })))
                .doOnError(e -> {
                    if (byHints) {
                        hinted.add(ids);
                    }
                });
    }

    /**
     * Ids of documents with new events, as told by the writes of this instance; bounded: past
     * {@link #MAX_HINTS} the relay simply searches the collection, as it always can.
     */
    private static final class Hints {

        private final Set<Object> ids = new LinkedHashSet<>();

        synchronized void add(Collection<?> more) {
            for (Object id : more) {
                if (ids.size() >= MAX_HINTS) {
                    return;
                }
                ids.add(id);
            }
        }

        synchronized List<Object> take(int max) {
            List<Object> taken = new ArrayList<>(Math.min(max, ids.size()));
            Iterator<Object> it = ids.iterator();
            while (it.hasNext() && taken.size() < max) {
                taken.add(it.next());
                it.remove();
            }
            return taken;
        }

        synchronized void clear() {
            ids.clear();
        }

        synchronized boolean waiting() {
            return !ids.isEmpty();
        }
    }

    /** The events of one document whose sends were acknowledged, and the failure that stopped the rest, if any. */
    private record Published(Object id, List<String> eventIds, Throwable failure) {
    }

    private Mono<Published> publishInOrder(String collection, Document document) {
        Object id = document.get("_id");
        List<Document> entries = document.getList(OutboxEvent.OUTBOX_FIELD, Document.class, List.of());
        List<String> sent = new java.util.ArrayList<>();
        return Flux.fromIterable(entries)
                .concatMap(entry -> publishWhileHeld(collection, entry).then(Mono.fromRunnable(() -> sent.add(entry.getString("eventId")))))
                .then(Mono.fromSupplier(() -> new Published(id, sent, null)))
                .onErrorResume(e -> Mono.just(new Published(id, sent, e)));
    }

    private Mono<Void> remove(String collection, List<Published> results) {
        var bulk = mongo.bulkOps(BulkMode.UNORDERED, collection);
        int removals = 0;
        for (Published result : results) {
            for (String eventId : result.eventIds()) {
                bulk.updateOne(Query.query(Criteria.where("_id").is(result.id())),
                        new Update().pull(OutboxEvent.OUTBOX_FIELD, new Document("eventId", eventId)));
                removals++;
            }
        }
        return removals == 0 ? Mono.empty() : bulk.execute().then();
    }

    private Mono<Void> publishWhileHeld(String collection, Document entry) {
        return Mono.defer(() -> leases.holds(collection) ? publish(entry)
                : Mono.error(new OutboxLeases.LeaseLost(collection)));
    }

    private Mono<Void> publish(Document entry) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(entry.getString("topic"), null,
                entry.getString("key"), entry.getString("data").getBytes(StandardCharsets.UTF_8));
        Date time = entry.getDate("time");
        CloudEventHeaders.write(new CloudEventAttributes(entry.getString("eventId"), entry.getString("type"), source,
                time.toInstant(), entry.getString("subject")), record.headers());
        String traceparent = entry.getString(TraceParents.HEADER);
        if (traceparent != null) {
            // the trace of the request that wrote the change: the consumer's span continues it
            record.headers().add(TraceParents.HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return Mono.fromFuture(() -> kafka.send(record))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnSuccess(result -> meters.counter("platform.outbox.published", "topic", record.topic()).increment())
                .then();
    }

    @Override
    public void start() {
        // Before the first search: without the index every poll reads the whole collection.
        Flux.fromIterable(properties.collections())
                .concatMap(collection -> mongo.indexOps(collection).createIndex(new Index()
                        .on(OutboxEvent.PENDING_FIELD, Sort.Direction.ASC).sparse().named(OutboxEvent.PENDING_INDEX)))
                .then()
                .block(Duration.ofSeconds(30));
        loop = Flux.merge(Flux.interval(properties.pollInterval()).map(tick -> true), wakeUps.asFlux().map(wake -> false))
                .onBackpressureDrop()
                .concatMap(search -> (heldBack() ? Mono.just(0L) : relayOnce(search))
                        .doOnNext(published -> {
                            log.debug("Outbox round published {} events", published);
                            if (failing.compareAndSet(true, false)) {
                                log.info("Outbox relay publishing again");
                            }
                        })
                        .onErrorResume(this::roundFailed), 1)
                .subscribe();
    }

    private Mono<Long> roundFailed(Throwable e) {
        meters.counter("platform.outbox.failures").increment();
        log.debug("Outbox round failed", e);
        if (failing.compareAndSet(false, true)) {
            log.warn("Outbox relay cannot publish; events stay pending and are retried: {}", e.toString());
        }
        return Mono.just(0L);
    }

    @Override
    public void stop() {
        Disposable current = loop;
        if (current != null) {
            current.dispose();
            // Hand the leases over now rather than after they expire (best effort: a dead instance's expire).
            try {
                leases.releaseAll().timeout(Duration.ofSeconds(2)).block();
            } catch (RuntimeException e) {
                log.debug("Outbox leases not released; they expire", e);
            }
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null && !loop.isDisposed();
    }
}
