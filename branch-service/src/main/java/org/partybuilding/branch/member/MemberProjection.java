package org.partybuilding.branch.member;

import java.util.EnumSet;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.partybuilding.branch.domain.CoverageInputs;
import org.partybuilding.events.EventType;
import org.partybuilding.events.MemberSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.messaging.VersionedReadModels;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * Keeps {@link MemberState} from {@code member.members.v1}: every member event carries the whole member, applied
 * only over an older version, so redelivered, replayed and out-of-order events leave the newest state. The counts
 * then follow the stored state (also when the event itself was stale: a count left half-moved by a crash is
 * finished by the next delivery). {@code DuesPaid} is not about membership and is skipped.
 */
@Component
class MemberProjection {

    private static final Set<EventType> MEMBER_EVENTS = EnumSet.of(EventType.MEMBER_REGISTERED, EventType.MEMBER_UPDATED,
            EventType.MEMBER_STAGE_CHANGED, EventType.MEMBER_TRANSFERRED, EventType.MEMBER_LEFT);

    private final VersionedReadModels readModels;
    private final MemberCounts counts;
    private final CoverageInputs changes;

    MemberProjection(VersionedReadModels readModels, MemberCounts counts, CoverageInputs changes) {
        this.readModels = readModels;
        this.counts = counts;
        this.changes = changes;
    }

    // One consumer per partition: a 100,000-member import is applied three events at a time (a member's events
    // stay in order on its partition; the counts are single-document conditional updates, safe side by side).
    @KafkaListener(topics = Topics.MEMBER_MEMBERS, concurrency = "${platform.kafka.partitions:3}")
    void on(ConsumerRecord<String, byte[]> record) {
        readModels.project(record, MEMBER_EVENTS, Set.of(EventType.DUES_PAID), MemberSnapshot.class, MemberState.COLLECTION,
                MemberState::of, member -> counts.reconcile(member.view().id())
                        .flatMapMany(Flux::fromIterable)
                        .concatMap(organizationId -> changes.changed(CoverageInputs.Kind.ORGANIZATION_MEMBERS, organizationId))
                        .then());
    }
}
