package org.partybuilding.training.context;

import java.util.List;

import org.partybuilding.platform.readmodel.ChangeLog;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * What every instance of training-service wrote, in MongoDB: a counter that moves forward after each write the reports
 * depend on (a member or party organization applied from an event, an activity recorded, an attendance recorded or
 * corrected), and a log of what each step changed. An instance's in-memory {@link Directory} and training ledger are
 * brought up to the counter before each request (the {@code startup} package reads the documents the log names), so
 * two instances answer alike whichever of them wrote. The mechanism is platform-starter's {@link ChangeLog}.
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

    /** Log entries kept behind the counter; an instance further behind reads everything again. */
    public static final long KEPT = 20_000;

    private final ChangeLog log;

    TrainingChanges(ReactiveMongoTemplate mongo) {
        this.log = new ChangeLog(mongo, "training_changes", "training_change_log", "training", KEPT);
    }

    /** Moves the counter past these documents (written already) and logs them, one step each. */
    public Mono<Void> changed(Kind kind, List<String> refs) {
        return log.changed(refs.stream().map(ref -> ChangeLog.Step.of(kind.name(), ref, 0)).toList());
    }

    public Mono<Void> changed(Kind kind, String ref) {
        return changed(kind, List.of(ref));
    }

    /** The current count of steps (0 before the first). */
    public Mono<Long> generation() {
        return log.generation();
    }

    /** The logged steps after {@code from} up to {@code to}, in order (a step still being logged may be missing). */
    public Mono<List<Change>> between(long from, long to) {
        return log.between(from, to).map(steps -> steps.stream()
                .map(step -> new Change(step.generation(), Kind.valueOf(step.kind()), step.ref())).toList());
    }
}
