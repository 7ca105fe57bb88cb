package org.partybuilding.platform.outbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.audit.AuditTrail;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.reactivestreams.client.MongoCollection;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Inserts many new aggregates (each with its events in its own outbox) in unordered batches: one
 * round trip per batch. A batch that a unique index refuses in part is gone through one by one to
 * tell which documents are in and which were duplicates; nothing is inserted twice.
 * <p>
 * Each batch is mapped and encoded to BSON up front, on every core, while the database stores the
 * batch before: the driver then only copies bytes. (Through the template's bulk operations the
 * mapping and encoding ran on the driver's one callback thread between batches.)
 */
public class BulkInserts {

    private static final int BATCH = 1000;
    private static final int IN_FLIGHT = 2;
    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;

    public BulkInserts(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /**
     * Inserts {@code documents} (each with an {@code id} set) and answers, per document in order,
     * whether it is now stored ({@code false}: a unique index refused it as a duplicate).
     */
    public <T> Mono<List<Boolean>> insert(List<T> documents, Class<T> type, Function<T, String> id) {
        return insert(documents, type, id, stored -> { });
    }

    /**
     * As {@link #insert(List, Class, Function)}, handing each batch's stored documents to {@code onStored} as soon as
     * that batch is in, on another thread while the next batches are being stored: an in-memory view kept beside the
     * collection (a service's directory, which must be thread-safe) is then brought up to date meanwhile rather than
     * after the last batch. The answer comes when every batch is stored and handed over.
     */
    public <T> Mono<List<Boolean>> insert(List<T> documents, Class<T> type, Function<T, String> id, Consumer<List<T>> onStored) {
        return insert(documents, type, id, onStored, null);
    }

    /**
     * As {@link #insert(List, Class, Function, Consumer)}, each document stored with its first audit record
     * ({@code audit}, if not null) as its history, in the same insert.
     */
    public <T> Mono<List<Boolean>> insert(List<T> documents, Class<T> type, Function<T, String> id, Consumer<List<T>> onStored,
            Function<T, AuditRecord> audit) {
        String collectionName = mongo.getCollectionName(type);
        List<Mono<Void>> handedOver = Collections.synchronizedList(new ArrayList<>());
        return mongo.getCollection(collectionName).flatMap(collection -> {
            Codec<Document> codec = collection.getCodecRegistry().get(Document.class);
            MongoCollection<RawBsonDocument> raw = collection.withDocumentClass(RawBsonDocument.class);
            return Flux.fromIterable(documents).buffer(BATCH)
                    .flatMapSequential(batch -> Mono.fromCallable(() -> encode(batch, codec, audit))
                            .subscribeOn(Schedulers.parallel())
                            .flatMap(encoded -> Mono.from(raw.insertMany(encoded, UNORDERED)))
                            .map(result -> batch.stream().map(d -> Boolean.TRUE).toList())
                            .onErrorResume(MongoBulkWriteException.class, e -> oneByOne(batch, type, id, collectionName, audit))
                            // not on the driver's thread: the next batch is sent only once this one completes
                            .doOnNext(stored -> handedOver.add(handOver(storedOf(batch, stored), onStored))), IN_FLIGHT)
                    .collect(ArrayList<Boolean>::new, List::addAll)
                    .flatMap(all -> Mono.when(handedOver).thenReturn((List<Boolean>) all));
        }).doFinally(signal -> relay.wakeUp(collectionName, documents.stream().map(id).toList()));
    }

    /** Runs {@code onStored} for the batch now, on a parallel thread; the answer completes when it has run. */
    private static <T> Mono<Void> handOver(List<T> batch, Consumer<List<T>> onStored) {
        Mono<Void> running = Mono.<Void>fromRunnable(() -> onStored.accept(batch)).subscribeOn(Schedulers.parallel()).cache();
        running.subscribe(done -> { }, failure -> { }); // started at once; a failure reaches the caller through Mono.when
        return running;
    }

    private static <T> List<T> storedOf(List<T> batch, List<Boolean> stored) {
        List<T> in = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (stored.get(i)) {
                in.add(batch.get(i));
            }
        }
        return in;
    }

    /** The batch as the template would write it (same mapping, {@code _id} and type hint), already in BSON. */
    private <T> List<RawBsonDocument> encode(List<T> batch, Codec<Document> codec, Function<T, AuditRecord> audit) {
        return batch.parallelStream().map(entity -> new RawBsonDocument(mapped(entity, audit), codec)).toList();
    }

    private <T> Document mapped(T entity, Function<T, AuditRecord> audit) {
        Document document = new Document();
        mongo.getConverter().write(entity, document);
        return audit == null ? document : AuditTrail.withHistory(mongo.getConverter(), document, audit.apply(entity));
    }

    private <T> Mono<List<Boolean>> oneByOne(List<T> batch, Class<T> type, Function<T, String> id, String collection,
            Function<T, AuditRecord> audit) {
        return Flux.fromIterable(batch)
                .concatMap(document -> mongo.exists(Query.query(Criteria.where("_id").is(id.apply(document))), type)
                        .flatMap(stored -> stored ? Mono.just(true) : mongo.insert(mapped(document, audit), collection).thenReturn(true)
                                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false))))
                .collectList();
    }
}
