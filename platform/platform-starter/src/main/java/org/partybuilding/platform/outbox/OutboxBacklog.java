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

import io.micrometer.core.instrument.Tags;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the outbox relay has not published yet, per outbox collection: how many events and how old the oldest
 * is. One aggregation per collection on each refresh of the gauges ({@link #gauges()}), never per scrape.
 */
public class OutboxBacklog {

    public static final String EVENTS = "platform.outbox.backlog.events";
    public static final String OLDEST_AGE = "platform.outbox.backlog.oldest.age.seconds";

    private final ReactiveMongoTemplate mongo;
    private final List<String> collections;
    private final Clock clock;

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

    private Mono<Backlog> read(String collection) {
        List<Document> pipeline = List.of(
                new Document("$match", new Document(OutboxEvent.OUTBOX_FIELD + ".0", new Document("$exists", true))),
                new Document("$project", new Document("events", new Document("$size", "$" + OutboxEvent.OUTBOX_FIELD))
                        .append("first", new Document("$arrayElemAt", List.of("$" + OutboxEvent.OUTBOX_FIELD + ".time", 0)))),
                new Document("$group", new Document("_id", null)
                        .append("events", new Document("$sum", "$events"))
                        .append("oldest", new Document("$min", "$first"))));
        return mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.aggregate(pipeline).first()))
                .map(result -> {
                    long events = ((Number) result.get("events")).longValue();
                    Date oldest = result.getDate("oldest");
                    Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), clock.instant());
                    return new Backlog(events, age.isNegative() ? Duration.ZERO : age);
                })
                .defaultIfEmpty(new Backlog(0, Duration.ZERO));
    }

    /** The two gauges, tagged {@code collection}: pending events, and the age in seconds of the oldest. */
    public List<ReadModelGauge> gauges() {
        return List.of(
                ReadModelGauge.of(EVENTS, "Events written to the outbox and not yet published to Kafka",
                        () -> read().map(all -> rows(all, b -> b.events()))),
                ReadModelGauge.of(OLDEST_AGE, "Age of the oldest event not yet published to Kafka (0 when none)",
                        () -> read().map(all -> rows(all, b -> b.oldestAge().toMillis() / 1000.0))));
    }

    private static Map<Tags, Number> rows(Map<String, Backlog> all, java.util.function.Function<Backlog, Number> value) {
        Map<Tags, Number> rows = new LinkedHashMap<>();
        all.forEach((collection, backlog) -> rows.put(Tags.of("collection", collection), value.apply(backlog)));
        return rows;
    }
}
