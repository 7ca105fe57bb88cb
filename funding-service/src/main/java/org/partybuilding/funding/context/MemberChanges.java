package org.partybuilding.funding.context;

import java.util.List;

import org.partybuilding.platform.readmodel.ChangeLog;
import org.partybuilding.platform.readmodel.CurrentCopy;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * What every instance of funding-service wrote of the members, in MongoDB: a counter moved forward after each member
 * write (the fact is stored first, then the counter moves), and a log naming the member each step was for. An
 * instance's copy of the dated memberships ({@link DistrictState#memberships}) reads the counter first, then the members the log
 * names after the step it was built at, so it holds every member write whose step was counted before it read.
 * The mechanism is platform-starter's {@link ChangeLog} (training-service's {@code TrainingChanges} uses it too).
 */
@Component
public class MemberChanges {

    /** One step of the counter: the member it was for and the version that member's document held then. */
    public record Change(long generation, String memberId, long version) {
    }

    /** Log entries kept behind the counter; a copy further behind reads every member again. */
    public static final long KEPT = 20_000;
    private static final String KIND = "MEMBER";

    private final ChangeLog log;

    MemberChanges(ReactiveMongoTemplate mongo) {
        this.log = new ChangeLog(mongo, "member_changes", "member_change_log", "members", KEPT);
    }

    /** Moves the counter past this member's document (written already) and logs it. */
    public Mono<Void> changed(String memberId, long version) {
        return changed(List.of(new Change(0, memberId, version)));
    }

    /** Moves the counter past these members' documents (written already), one step each. */
    public Mono<Void> changed(List<Change> members) {
        return log.changed(members.stream().map(member -> ChangeLog.Step.of(KIND, member.memberId(), member.version())).toList());
    }

    /** The current count of steps (0 before the first). */
    public Mono<Long> generation() {
        return log.generation();
    }

    /** The counter and log, for a copy kept current against them. */
    CurrentCopy.Counter counter() {
        return log;
    }

    /** Whether a step for this member's event of this version is logged (so counted): for tests awaiting it. */
    public Mono<Boolean> logged(String memberId, long version) {
        return log.logged(memberId, version);
    }
}
