package org.partybuilding.branch.coverage;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * A counter in the database that every change coverage depends on moves forward (an organization, a member count,
 * a party organization, an instructor), after the change is written. Coverage keeps what it read with the counter
 * it read before, and reads again once the counter moved: so reports are computed from memory between changes,
 * yet never older than the last change any instance of the service wrote.
 */
@Component
public class CoverageChanges {

    static final String COLLECTION = "coverage_changes";
    private static final String ID = "district";

    private final ReactiveMongoTemplate mongo;

    CoverageChanges(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records that something coverage depends on has changed. */
    public Mono<Void> changed() {
        return mongo.upsert(Query.query(Criteria.where("_id").is(ID)), new Update().inc("generation", 1L), COLLECTION).then();
    }

    /** The current count of changes (0 before the first). */
    Mono<Long> generation() {
        return mongo.findOne(Query.query(Criteria.where("_id").is(ID)), Document.class, COLLECTION)
                .map(d -> ((Number) d.getOrDefault("generation", 0L)).longValue())
                .defaultIfEmpty(0L);
    }

}
