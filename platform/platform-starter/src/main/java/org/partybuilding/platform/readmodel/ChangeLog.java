package org.partybuilding.platform.readmodel;

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

import reactor.core.publisher.Mono;

/**
 * What every instance of a service wrote, in MongoDB: a counter moved forward after each write that an in-memory copy
 * depends on (the write is stored first, then the counter moves), and a log naming what each step changed. An
 * instance's copy reads the counter first, then the documents the log names after the step it was built at (or
 * everything, when the log no longer holds those steps), so it holds every write whose step was counted before it
 * read: two instances answer alike whichever of them wrote. Production runs on a replica set with reads and writes
 * on the primary (the driver's default); nothing here relies on writes being serialised.
 * <p>
 * The one home of this mechanism: training-service's {@code TrainingChanges}, funding-service's {@code MemberChanges}
 * and ledger totals and member-service's paid months each name their counter and log and what a step's {@code kind}
 * means; {@link CurrentCopy} keeps a copy current against it.
 */
public final class ChangeLog implements CurrentCopy.Counter {

    /** One step: what kind of document, which one ({@code ref}, its id), at which version (0 when not versioned). */
    public record Step(long generation, String kind, String ref, long version) {

        /** A step to log; the counter gives its generation. */
        public static Step of(String kind, String ref, long version) {
            return new Step(0, kind, ref, version);
        }
    }

    private final ReactiveMongoTemplate mongo;
    private final String counter;
    private final String log;
    private final String id;
    private final long kept;

    /**
     * @param counter the counter's collection (one document, {@code _id} = {@code id})
     * @param log     the log's collection ({@code _id} = the step's generation)
     * @param kept    log entries kept behind the counter: a copy further behind reads everything again
     */
    public ChangeLog(ReactiveMongoTemplate mongo, String counter, String log, String id, long kept) {
        this.mongo = mongo;
        this.counter = counter;
        this.log = log;
        this.id = id;
        this.kept = kept;
    }

    /** How many steps the log keeps behind the counter. */
    public long kept() {
        return kept;
    }

    /** Moves the counter past these documents (written already) and logs them, one step each. */
    public Mono<Void> changed(List<Step> changes) {
        if (changes.isEmpty()) {
            return Mono.empty();
        }
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), new Update().inc("generation", (long) changes.size()),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, counter)
                .map(counted -> ((Number) counted.get("generation")).longValue())
                .flatMap(last -> {
                    long first = last - changes.size() + 1;
                    List<Document> steps = new ArrayList<>(changes.size());
                    for (int i = 0; i < changes.size(); i++) {
                        Step change = changes.get(i);
                        steps.add(new Document("_id", first + i).append("kind", change.kind()).append("ref", change.ref())
                                .append("version", change.version()));
                    }
                    // each time the counter passes a thousand, the thousand steps that fell behind what is kept go
                    long passed = last / 1_000 * 1_000;
                    boolean prune = passed >= first && passed - kept > 0;
                    return mongo.insert(steps, log).then()
                            .then(prune ? mongo.remove(Query.query(Criteria.where("_id").in(ids(passed - kept - 1_000, passed - kept))),
                                    log).then() : Mono.empty());
                });
    }

    /** The current count of steps (0 before the first). */
    @Override
    public Mono<Long> generation() {
        return mongo.findById(id, Document.class, counter)
                .map(d -> ((Number) d.getOrDefault("generation", 0L)).longValue())
                .defaultIfEmpty(0L);
    }

    /** The logged steps after {@code from} up to {@code to}, in order (a step still being logged may be missing). */
    @Override
    public Mono<List<Step>> between(long from, long to) {
        // by id, not by range: a lookup of the unique key on every MongoDB (and on the local platform's emulator)
        return mongo.find(Query.query(Criteria.where("_id").in(ids(from, to))), Document.class, log)
                .map(d -> new Step(((Number) d.get("_id")).longValue(), d.getString("kind"), d.getString("ref"),
                        d.get("version") instanceof Number v ? v.longValue() : 0L))
                .collectSortedList(Comparator.comparingLong(Step::generation));
    }

    /** Whether a step for this document at this version is logged (so counted): for tests awaiting it. */
    public Mono<Boolean> logged(String ref, long version) {
        return mongo.exists(Query.query(Criteria.where("ref").is(ref).and("version").is(version)), log);
    }

    /** The steps after {@code from} up to {@code to}. */
    private static List<Long> ids(long from, long to) {
        return LongStream.rangeClosed(from + 1, to).boxed().toList();
    }
}
