package org.partybuilding.training.context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * What every instance of training-service wrote, in MongoDB: a counter that moves forward after each write the reports
 * depend on (a member or party organization applied from an event, an activity recorded, an attendance recorded or
 * corrected), and a log of what each step changed. An instance's in-memory {@link Directory} and training ledger are
 * brought up to the counter before each request (the {@code startup} package reads the documents the log names), so
 * two instances answer alike whichever of them wrote.
 */
@Component
public class TrainingChanges {

    /** What a step changed; {@code ref} is the document's id. */
    public enum Kind {
        MEMBER, PARTY_ORGANIZATION, ACTIVITY, ATTENDANCE
    }

    /** One step of the counter. */
    public record Change(long generation, Kind kind, String ref) {
    }

    static final String COUNTER = "training_changes";
    static final String LOG = "training_change_log";
    /** Log entries kept behind the counter; an instance further behind reads everything again. */
    public static final long KEPT = 20_000;
    private static final String ID = "training";

    private final ReactiveMongoTemplate mongo;

    TrainingChanges(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Moves the counter past these documents (written already) and logs them, one step each. */
    public Mono<Void> changed(Kind kind, List<String> refs) {
        if (refs.isEmpty()) {
            return Mono.empty();
        }
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(ID)), new Update().inc("generation", (long) refs.size()),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COUNTER)
                .map(counter -> ((Number) counter.get("generation")).longValue())
                .flatMap(last -> {
                    long first = last - refs.size() + 1;
                    List<Document> steps = new ArrayList<>(refs.size());
                    for (int i = 0; i < refs.size(); i++) {
                        steps.add(new Document("_id", first + i).append("kind", kind.name()).append("ref", refs.get(i)));
                    }
                    // each time the counter passes a thousand, the thousand steps that fell behind what is kept go
                    long passed = last / 1_000 * 1_000;
                    boolean prune = passed >= first && passed - KEPT > 0;
                    return mongo.insert(steps, LOG).then()
                            .then(prune ? mongo.remove(Query.query(Criteria.where("_id").in(ids(passed - KEPT - 1_000, passed - KEPT))),
                                    LOG).then() : Mono.empty());
                });
    }

    public Mono<Void> changed(Kind kind, String ref) {
        return changed(kind, List.of(ref));
    }

    /** The steps after {@code from} up to {@code to}. */
    private static List<Long> ids(long from, long to) {
        return LongStream.rangeClosed(from + 1, to).boxed().toList();
    }

    /** The current count of steps (0 before the first). */
    public Mono<Long> generation() {
        return mongo.findById(ID, Document.class, COUNTER)
                .map(d -> ((Number) d.getOrDefault("generation", 0L)).longValue())
                .defaultIfEmpty(0L);
    }

    /** The logged steps after {@code from} up to {@code to}, in order (a step still being logged may be missing). */
    public Mono<List<Change>> between(long from, long to) {
        // by id, not by range: a lookup of the unique key on every MongoDB (and on the local platform's emulator)
        return mongo.find(Query.query(Criteria.where("_id").in(ids(from, to))), Document.class, LOG)
                .map(d -> new Change(((Number) d.get("_id")).longValue(), Kind.valueOf(d.getString("kind")), d.getString("ref")))
                .collectSortedList(Comparator.comparingLong(Change::generation));
    }
}
