package org.partybuilding.platform.outbox;

import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Inserts many new aggregates (each with its events in its own outbox) in unordered batches: one
 * round trip per batch. A batch that a unique index refuses in part is gone through one by one to
 * tell which documents are in and which were duplicates; nothing is inserted twice.
 */
public class BulkInserts {

    private static final int BATCH = 1000;
    private static final int IN_FLIGHT = 2;

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
    public <T> Mono<List<Boolean>> insert(List<T> documents, Class<T> type, java.util.function.Function<T, String> id) {
        // Two batches in flight: the next one is mapped to BSON here while the database stores the last.
        return Flux.fromIterable(documents).buffer(BATCH)
                .flatMapSequential(batch -> mongo.bulkOps(BulkMode.UNORDERED, type).insert(batch).execute()
                        .map(result -> batch.stream().map(d -> Boolean.TRUE).toList())
                        .onErrorResume(DataAccessException.class, e -> oneByOne(batch, type, id)), IN_FLIGHT)
                .collect(ArrayList<Boolean>::new, List::addAll)
                .map(all -> (List<Boolean>) all)
                .doFinally(signal -> relay.wakeUp(mongo.getCollectionName(type), documents.stream().map(id).toList()));
    }

    private <T> Mono<List<Boolean>> oneByOne(List<T> batch, Class<T> type, java.util.function.Function<T, String> id) {
        return Flux.fromIterable(batch)
                .concatMap(document -> mongo.exists(Query.query(Criteria.where("_id").is(id.apply(document))), type)
                        .flatMap(stored -> stored ? Mono.just(true) : mongo.insert(document).thenReturn(true)
                                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false))))
                .collectList();
    }
}
