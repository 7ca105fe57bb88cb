package org.partybuilding.branch.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.partybuilding.branch.domain.CoverageInputs;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * A counter that every change coverage depends on moves forward, after the change is written, and a short log of
 * what each step changed (an organization, an organization's member counts, a party organization, an instructor).
 * {@link DistrictFacts} keeps what it read with the counter it read before; once the counter moved it reads again
 * only what the log names, or everything when the log cannot say (a step whose entry is not there yet, or was
 * pruned). So reports are computed from memory, yet never older than the last change any instance wrote.
 */
@Component
public class CoverageChanges implements CoverageInputs {

    /** One step of the counter. */
    public record Change(long generation, Kind kind, String ref) {
    }

    static final String COUNTER = "coverage_changes";
    static final String LOG = "coverage_change_log";
    /** Log entries kept behind the counter; a reader further behind reads everything. */
    static final long KEPT = 20_000;
    private static final String ID = "district";

    private final ReactiveMongoTemplate mongo;

    CoverageChanges(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> changed(Kind kind, String ref) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(ID)), new Update().inc("generation", 1L),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COUNTER)
                .map(counter -> ((Number) counter.get("generation")).longValue())
                .flatMap(generation -> mongo.insert(new Document("_id", generation).append("kind", kind.name()).append("ref", ref), LOG)
                        .then(generation % 1_000 == 0
                                ? mongo.remove(Query.query(Criteria.where("_id").lt(generation - KEPT)), LOG).then()
                                : Mono.empty()))
                .then();
    }

    /** The current count of changes (0 before the first). */
    Mono<Long> generation() {
        return mongo.findOne(Query.query(Criteria.where("_id").is(ID)), Document.class, COUNTER)
                .map(d -> ((Number) d.getOrDefault("generation", 0L)).longValue())
                .defaultIfEmpty(0L);
    }

    /** The changes after {@code from} up to {@code to}, in order; empty if the log does not hold every one of them. */
    Mono<Optional<List<Change>>> between(long from, long to) {
        Query query = Query.query(Criteria.where("_id").gt(from).lte(to));
        return mongo.find(query, Document.class, LOG).collectList().map(found -> {
            if (found.size() != to - from) {
                return Optional.empty();
            }
            List<Change> changes = new ArrayList<>(found.size());
            for (Document d : found) {
                changes.add(new Change(((Number) d.get("_id")).longValue(), Kind.valueOf(d.getString("kind")), d.getString("ref")));
            }
            changes.sort(Comparator.comparingLong(Change::generation));
            return Optional.of(changes);
        });
    }
}
