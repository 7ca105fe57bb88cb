package org.partybuilding.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.partybuilding.platform.metrics.ReadModelGauge;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import io.micrometer.core.instrument.Tags;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the outbox relay has not published yet, per outbox collection: how many events and how old the oldest
 * is. One indexed search per collection on each refresh of the gauges ({@link #gauges()}, every
 * {@code platform.outbox.backlog-refresh}, 1 s by default, so the gauges follow the outbox within a second or two),
 * never per scrape; the {@code outbox} health indicator shows the last reading.
 */
public class OutboxBacklog {

    public static final String EVENTS = "platform.outbox.backlog.events";
    public static final String OLDEST_AGE = "platform.outbox.backlog.oldest.age.seconds";

    private final ReactiveMongoTemplate mongo;
    private final List<String> collections;
    private final Clock clock;
    private volatile Map<String, Backlog> last = Map.of();

    public OutboxBacklog(ReactiveMongoTemplate mongo, List<String> collections, Clock clock) {
        this.mongo = mongo;
        this.collections = List.copyOf(collections);
        this.clock = clock;
    }

    /** One collection's pending events; {@code oldestAge} zero when there are none. */
    public record Backlog(long events, Duration oldestAge) {
    }

    /** Every outbox collection's backlog, in the order of {@code platform.outbox.collections}. */
    public Mono<Map<String, Backlog>> read() {
        return Flux.fromIterable(collections)
                .concatMap(collection -> read(collection).map(backlog -> Map.entry(collection, backlog)))
                .collectList()
                .map(entries -> {
                    Map<String, Backlog> all = new LinkedHashMap<>();
                    entries.forEach(e -> all.put(e.getKey(), e.getValue()));
                    return all;
                });
    }

    /** The pending documents through the pending index ({@link OutboxEvent#PENDING_INDEX}), summed here. */
    private Mono<Backlog> read(String collection) {
        Query pending = Query.query(Criteria.where(OutboxEvent.PENDING_FIELD).exists(true));
        pending.fields().include(OutboxEvent.OUTBOX_FIELD + ".time").exclude("_id");
        return mongo.find(pending, Document.class, collection)
                .reduce(new Backlog(0, Duration.ZERO), (sum, document) -> {
                    List<Document> entries = document.getList(OutboxEvent.OUTBOX_FIELD, Document.class, List.of());
                    Date first = entries.isEmpty() ? null : entries.get(0).getDate("time");
                    Duration age = first == null ? Duration.ZERO : Duration.between(first.toInstant(), clock.instant());
                    return new Backlog(sum.events() + entries.size(),
                            age.compareTo(sum.oldestAge()) > 0 ? age : sum.oldestAge());
                });
    }

    /** The reading of the last refresh of {@link #gauges()} (empty before the first). */
    public Map<String, Backlog> last() {
        return last;
    }

    /**
     * The two gauges, tagged {@code collection}: pending events, and the age in seconds of the oldest. Refreshed in
     * this order, so one search serves both: the first reads the outbox, the second shows what the first read.
     */
    public List<ReadModelGauge> gauges() {
        return List.of(
                ReadModelGauge.of(EVENTS, "Events written to the outbox and not yet published to Kafka",
                        () -> read().doOnNext(all -> last = all).map(all -> rows(all, b -> b.events()))),
                ReadModelGauge.of(OLDEST_AGE, "Age of the oldest event not yet published to Kafka (0 when none)",
                        () -> Mono.fromSupplier(() -> rows(last, b -> b.oldestAge().toMillis() / 1000.0))));
    }

    private static Map<Tags, Number> rows(Map<String, Backlog> all, java.util.function.Function<Backlog, Number> value) {
        Map<Tags, Number> rows = new LinkedHashMap<>();
        all.forEach((collection, backlog) -> rows.put(Tags.of("collection", collection), value.apply(backlog)));
        return rows;
    }
}
