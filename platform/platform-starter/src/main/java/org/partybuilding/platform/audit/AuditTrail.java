package org.partybuilding.platform.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The audit trail of a service's aggregates (DOMAIN.md §6), kept in each aggregate's document
 * ({@value AuditRecord#HISTORY_FIELD}): the records a write makes ({@link #created}, {@link #changed}), the insert
 * that stores a new aggregate together with its first record ({@link #insert}; changes append theirs through
 * {@code VersionedWrites} or their own single-document update), one resource's history and the service's
 * district-wide trail over its audited collections ({@code platform.audit.collections}).
 */
public class AuditTrail {

    /** The most records a district-wide page or export reads from each collection (offset plus size). */
    static final int MAX_WINDOW = 10_000;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final List<String> collections;

    public AuditTrail(ReactiveMongoTemplate mongo, Clock clock, List<String> collections) {
        this.mongo = mongo;
        this.clock = clock;
        this.collections = List.copyOf(collections);
    }

    public List<String> collections() {
        return collections;
    }

    // ---------------------------------------------------------------- records

    /** The first record of a new aggregate: every field it starts with (as {@link AuditViews} shows it). */
    public AuditRecord created(Actor actor, String action, String resource, String id, Object aggregate, Set<String> hidden) {
        return AuditRecord.of(clock.instant(), actor, action, resource, id, FieldChanges.initial(AuditViews.of(aggregate, hidden)),
                null);
    }

    public AuditRecord created(Actor actor, String action, String resource, String id, Object aggregate) {
        return created(actor, action, resource, id, aggregate, Set.of());
    }

    /** The record of a change from {@code before} to {@code after}, with its reason where the action has one. */
    public AuditRecord changed(Actor actor, String action, String resource, String id, Object before, Object after,
            String reason, Set<String> hidden) {
        return AuditRecord.of(clock.instant(), actor, action, resource, id,
                FieldChanges.between(AuditViews.of(before, hidden), AuditViews.of(after, hidden)), reason);
    }

    public AuditRecord changed(Actor actor, String action, String resource, String id, Object before, Object after,
            String reason) {
        return changed(actor, action, resource, id, before, after, reason, Set.of());
    }

    // ---------------------------------------------------------------- writes

    /** {@code aggregate} as the template stores it, with {@code record} as its history: one document, one insert. */
    public Document document(Object aggregate, AuditRecord record) {
        Document document = new Document();
        mongo.getConverter().write(aggregate, document);
        return withHistory(mongo.getConverter(), document, record);
    }

    /** {@code document} (an aggregate as mapped) with {@code record} as its history. */
    public static Document withHistory(MongoConverter converter, Document document, AuditRecord record) {
        Document stored = new Document();
        converter.write(new History(List.of(record)), stored);
        document.put(AuditRecord.HISTORY_FIELD, stored.get(AuditRecord.HISTORY_FIELD));
        return document;
    }

    /** Inserts a new aggregate with its first audit record in the same single-document write. */
    public <T> Mono<T> insert(T aggregate, AuditRecord record) {
        String collection = mongo.getCollectionName(aggregate.getClass());
        return mongo.insert(document(aggregate, record), collection).thenReturn(aggregate);
    }

    /** The update's part that appends {@code record}: add it to the update of the write that makes the change. */
    public static org.springframework.data.mongodb.core.query.Update append(org.springframework.data.mongodb.core.query.Update update,
            AuditRecord record) {
        return update.push(AuditRecord.HISTORY_FIELD, record);
    }

    /** A document's history as its own mapped type (the mapping of {@code AuditRecord} is the template's). */
    record History(List<AuditRecord> history) {
    }

    // ---------------------------------------------------------------- reads

    /**
     * The audit records of the aggregate {@code id} in {@code collection}, newest first. The caller has checked that
     * whoever asks may read the aggregate.
     */
    public Mono<PageResponse<AuditRecord>> history(String collection, Object id, PageQuery page) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().include(AuditRecord.HISTORY_FIELD);
        return mongo.findOne(query, Document.class, collection)
                .map(this::records)
                .defaultIfEmpty(List.of())
                .map(records -> {
                    List<AuditRecord> newestFirst = new ArrayList<>(records);
                    Collections.reverse(newestFirst);
                    return PageResponse.of(newestFirst.stream().skip(page.offset()).limit(page.size()).toList(), page,
                            newestFirst.size());
                });
    }

    /** The district-wide trail of this service: every record of its audited collections the filters select, newest first. */
    public Mono<PageResponse<AuditRecord>> search(AuditQuery filter, PageQuery page) {
        int window = (int) Math.min(MAX_WINDOW, page.offset() + page.size());
        Mono<List<AuditRecord>> items = newestFirst(filter, window).skip(page.offset()).take(page.size()).collectList();
        Mono<Long> total = Flux.fromIterable(collections).flatMap(c -> count(c, filter)).reduce(0L, Long::sum);
        return Mono.zip(items, total).map(found -> PageResponse.of(found.getT1(), page, found.getT2()));
    }

    /** Every record the filters select, newest first, at most {@value #MAX_WINDOW} (an export). */
    public Flux<AuditRecord> all(AuditQuery filter) {
        return newestFirst(filter, MAX_WINDOW);
    }

    private Flux<AuditRecord> newestFirst(AuditQuery filter, int limit) {
        return Flux.fromIterable(collections)
                .flatMap(c -> aggregate(c, stages(filter, new Document("$sort", new Document("at", -1).append("_id", -1)),
                        new Document("$limit", limit))).map(this::record).collectList())
                .collectList()
                .flatMapMany(lists -> {
                    List<AuditRecord> merged = new ArrayList<>();
                    lists.forEach(merged::addAll);
                    merged.sort(Comparator.comparing(AuditRecord::at).reversed().thenComparing(AuditRecord::id,
                            Comparator.reverseOrder()));
                    return Flux.fromIterable(merged.subList(0, Math.min(limit, merged.size())));
                });
    }

    private Mono<Long> count(String collection, AuditQuery filter) {
        return aggregate(collection, stages(filter, new Document("$group", new Document("_id", null).append("n", new Document("$sum", 1)))))
                .next()
                .map(d -> ((Number) d.get("n")).longValue())
                .defaultIfEmpty(0L);
    }

    /** The pipeline as the driver takes it (the trail's records are plain documents: nothing to map on the way in). */
    private Flux<Document> aggregate(String collection, List<Document> pipeline) {
        return mongo.getCollection(collection).flatMapMany(c -> c.aggregate(pipeline));
    }

    /** Each document's history unwound into one document per record, then the filters. */
    private static List<Document> stages(AuditQuery filter, Document... then) {
        List<Document> stages = new ArrayList<>();
        stages.add(new Document("$project", new Document(AuditRecord.HISTORY_FIELD, 1)));
        stages.add(new Document("$unwind", "$" + AuditRecord.HISTORY_FIELD));
        stages.add(new Document("$replaceRoot", new Document("newRoot", "$" + AuditRecord.HISTORY_FIELD)));
        stages.add(new Document("$match", filter.criteria().getCriteriaObject()));
        stages.addAll(List.of(then));
        return stages;
    }

    @SuppressWarnings("unchecked")
    private List<AuditRecord> records(Document document) {
        Object history = document.get(AuditRecord.HISTORY_FIELD);
        if (!(history instanceof List<?> list)) {
            return List.of();
        }
        return ((List<Object>) list).stream().filter(Document.class::isInstance).map(d -> record((Document) d)).toList();
    }

    private AuditRecord record(Document document) {
        return mongo.getConverter().read(AuditRecord.class, document);
    }
}
