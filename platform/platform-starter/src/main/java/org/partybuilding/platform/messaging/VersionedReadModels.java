package org.partybuilding.platform.messaging;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Upserts a read model only where the stored version is lower than the event's, so redelivered,
 * replayed or reordered events change nothing. The filter {@code _id = id and version < v} with
 * upsert either updates the older document, or inserts a new one, or collides on {@code _id}
 * because a newer version is already there, which is the "stale, ignore" answer.
 */
public class VersionedReadModels {

    private final ReactiveMongoTemplate mongo;
    private final MeterRegistry meters;

    public VersionedReadModels(ReactiveMongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.meters = meters;
    }

    /** Emits {@code true} when applied, {@code false} when the stored version was already as new. */
    public Mono<Boolean> upsertIfNewer(String collection, String id, long version, Object view) {
        Document state = new Document();
        mongo.getConverter().write(view, state);
        // The converter leaves out null properties; a field the producer cleared must be cleared here too.
        var entity = mongo.getConverter().getMappingContext().getPersistentEntity(view.getClass());
        if (entity != null) {
            entity.doWithProperties((PropertyHandler<MongoPersistentProperty>) property -> state.putIfAbsent(property.getFieldName(), null));
        }
        state.remove("_id");
        state.remove("_class");
        state.put("version", version);
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(id).and("version").lt(version));
        return mongo.upsert(olderOrAbsent, Update.fromDocument(new Document("$set", state)), collection)
                .map(result -> true)
                .onErrorResume(DuplicateKeyException.class, stale -> Mono.just(false))
                .doOnNext(applied -> meters.counter("platform.events.applied", "collection", collection,
                        "outcome", applied ? "applied" : "stale").increment());
    }
}
