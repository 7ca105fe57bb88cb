package org.partybuilding.platform.messaging;

import java.util.Set;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.partybuilding.events.AggregateSnapshot;
import org.partybuilding.events.EventType;
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
 * upsert either updates the older document, or inserts a new one, or collides on {@code _id}. A collision is the
 * "stale, ignore" answer only once the stored version is seen to be as new: on a replica set two writers can both
 * find nothing and race to insert, and the loser's version may be the newer one, so it tries again (now as an
 * update of the winner's document).
 *
 * <p>{@link #project} is the whole skeleton of a read-model listener, so that a service writes only what is its own
 * (which events, which view, what follows): read the record, skip the topic's other events, read the data (its
 * contract checked), upsert by version, then what follows, awaited on the listener thread.
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
        return upsert(collection, id, version, new Document("$set", state), RACE_ATTEMPTS)
                .doOnNext(applied -> meters.counter("platform.events.applied", "collection", collection,
                        "outcome", applied ? "applied" : "stale").increment());
    }

    /** One record as projected: the event, its data, the view made of it, and whether the view was newer (applied). */
    public record Projected<S, V>(IncomingEvent event, S data, V view, boolean applied) {

        public EventType type() {
            return event.type().orElseThrow();
        }
    }

    /**
     * Projects {@code record} into {@code collection}: nothing for one of {@code skipped}, an {@code EventFormatException}
     * (dead letters) for an event neither handled nor skipped or whose data breaks its contract; otherwise the view
     * of its data is upserted over an older version only (the data's id and version).
     */
    public <S extends AggregateSnapshot, V> void project(ConsumerRecord<String, byte[]> record, Set<EventType> handled,
            Set<EventType> skipped, Class<S> dataType, String collection, Function<S, V> view) {
        project(record, handled, skipped, dataType, collection, view, projected -> Mono.empty());
    }

    /** As {@link #project(ConsumerRecord, Set, Set, Class, String, Function)}, then {@code then} (also when not applied). */
    public <S extends AggregateSnapshot, V> void project(ConsumerRecord<String, byte[]> record, Set<EventType> handled,
            Set<EventType> skipped, Class<S> dataType, String collection, Function<S, V> view,
            Function<Projected<S, V>, Mono<?>> then) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!event.handledAmong(handled, skipped)) {
            return;
        }
        S data = event.data(dataType);
        V made = view.apply(data);
        EventHandling.await(upsertIfNewer(collection, data.id(), data.version(), made)
                .flatMap(applied -> then.apply(new Projected<>(event, data, made, applied)).then()));
    }

    private static final int RACE_ATTEMPTS = 3;

    private Mono<Boolean> upsert(String collection, String id, long version, Document set, int attempts) {
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(id).and("version").lt(version));
        return mongo.upsert(olderOrAbsent, Update.fromDocument(set), collection)
                .map(result -> true)
                .onErrorResume(DuplicateKeyException.class, collided -> storedVersion(collection, id)
                        .flatMap(stored -> stored >= version ? Mono.just(false)
                                // still losing races: fail, so the listener's retries (or the dead letters) take over
                                : attempts <= 1 ? Mono.<Boolean>error(collided)
                                : upsert(collection, id, version, set, attempts - 1)));
    }

    private Mono<Long> storedVersion(String collection, String id) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        byId.fields().include("version");
        return mongo.findOne(byId, Document.class, collection)
                .map(d -> d.get("version") instanceof Number n ? n.longValue() : 0L)
                .defaultIfEmpty(0L);
    }
}
