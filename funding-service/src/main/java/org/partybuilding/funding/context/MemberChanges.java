package org.partybuilding.funding.context;

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
 * What every instance of funding-service wrote of the members, in MongoDB: a counter moved forward after each member
 * write (the fact is stored first, then the counter moves), and a log naming the member each step was for. An
 * instance's copy of the dated memberships ({@link DistrictState#memberships}) reads the counter first, then the members the log
 * names after the step it was built at, so it holds every member write whose step was counted before it read.
 * Mirrors training-service's {@code TrainingChanges} (the same counter and log, one kind of document).
 */
@Component
public class MemberChanges {

    /** One step of the counter: the member it was for and the version that member's document held then. */
    public record Change(long generation, String memberId, long version) {
    }

    static final String COUNTER = "member_changes";
    static final String LOG = "member_change_log";
    /** Log entries kept behind the counter; a copy further behind reads every member again. */
    public static final long KEPT = 20_000;
    private static final String ID = "members";

    private final ReactiveMongoTemplate mongo;

    MemberChanges(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Moves the counter past this member's document (written already) and logs it. */
    public Mono<Void> changed(String memberId, long version) {
        return changed(List.of(new Change(0, memberId, version)));
    }

    /** Moves the counter past these members' documents (written already), one step each. */
    public Mono<Void> changed(List<Change> members) {
        if (members.isEmpty()) {
            return Mono.empty();
        }
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(ID)), new Update().inc("generation", (long) members.size()),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COUNTER)
                .map(counter -> ((Number) counter.get("generation")).longValue())
                .flatMap(last -> {
                    long first = last - members.size() + 1;
                    List<Document> steps = new ArrayList<>(members.size());
                    for (int i = 0; i < members.size(); i++) {
                        steps.add(new Document("_id", first + i).append("ref", members.get(i).memberId())
                                .append("version", members.get(i).version()));
                    }
                    // each time the counter passes a thousand, the thousand steps that fell behind what is kept go
                    long passed = last / 1_000 * 1_000;
                    boolean prune = passed >= first && passed - KEPT > 0;
                    return mongo.insert(steps, LOG).then()
                            .then(prune ? mongo.remove(Query.query(Criteria.where("_id").in(ids(passed - KEPT - 1_000, passed - KEPT))),
                                    LOG).then() : Mono.empty());
                });
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
                .map(d -> new Change(((Number) d.get("_id")).longValue(), d.getString("ref"), ((Number) d.get("version")).longValue()))
                .collectSortedList(Comparator.comparingLong(Change::generation));
    }

    /** Whether a step for this member's event of this version is logged (so counted): for tests awaiting it. */
    public Mono<Boolean> logged(String memberId, long version) {
        return mongo.exists(Query.query(Criteria.where("ref").is(memberId).and("version").is(version)), LOG);
    }
}
