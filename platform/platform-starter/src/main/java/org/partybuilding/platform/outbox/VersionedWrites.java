package org.partybuilding.platform.outbox;

import java.util.List;

import org.bson.Document;
import org.partybuilding.events.AggregateSnapshot;
import org.partybuilding.events.EventType;
import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.problem.ConflictException;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/**
 * The one way an aggregate changes: every field of its next state set on the document only while
 * it is still at the version the change was made from, with the change's events appended to its
 * outbox in the same single-document write. Events already waiting in the outbox stay (the relay
 * removes them by id), so nothing is published twice because of a concurrent change. If the
 * document moved on meanwhile nothing is written and the answer is 409.
 * <p>
 * An aggregate that keeps its audit trail in its document ({@link AuditRecord#HISTORY_FIELD}) passes the change's
 * record: it is appended in the same write, so there is no change without its record. The trail is only ever
 * appended to: a write never sets it from the next state.
 */
public class VersionedWrites {

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;

    public VersionedWrites(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /** Writes {@code next} over the document {@code id} at {@code expectedVersion} with the event {@code type} of {@code snapshot}. */
    public <T> Mono<T> update(String id, long expectedVersion, T next, EventType type, AggregateSnapshot snapshot) {
        return update(id, expectedVersion, next, List.of(OutboxEvent.of(type, snapshot)));
    }

    public <T> Mono<T> update(String id, long expectedVersion, T next, List<OutboxEvent> events) {
        return update(id, expectedVersion, next, events, null);
    }

    /** As {@link #update(String, long, Object, List)}, appending {@code record} (if not null) to the document's audit trail. */
    @SuppressWarnings("unchecked")
    public <T> Mono<T> update(String id, long expectedVersion, T next, List<OutboxEvent> events, AuditRecord record) {
        Document state = new Document();
        mongo.getConverter().write(next, state);
        var entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(next.getClass());
        // The converter leaves out null properties; a field the change cleared must be cleared in the document too.
        entity.doWithProperties((PropertyHandler<MongoPersistentProperty>) p -> state.putIfAbsent(p.getFieldName(), null));
        state.remove("_id");
        state.remove("_class");
        state.remove(OutboxEvent.OUTBOX_FIELD);
        state.remove(AuditRecord.HISTORY_FIELD);
        Update update = new Update();
        state.forEach(update::set);
        if (!events.isEmpty()) {
            update.push(OutboxEvent.OUTBOX_FIELD).each(events.toArray());
        }
        if (record != null) {
            update.push(AuditRecord.HISTORY_FIELD, record);
        }
        Query stillCurrent = Query.query(Criteria.where("_id").is(id).and("version").is(expectedVersion));
        return mongo.findAndModify(stillCurrent, update, FindAndModifyOptions.options().returnNew(true), (Class<T>) next.getClass(),
                        entity.getCollection())
                .switchIfEmpty(Mono.error(() -> new ConflictException(entity.getType().getSimpleName() + " " + id
                        + " was changed meanwhile; read it again and retry")))
                .doOnSuccess(saved -> relay.wakeUp(entity.getCollection(), List.of(id)));
    }
}
