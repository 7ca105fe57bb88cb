package org.partybuilding.branch.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.partybuilding.branch.BranchApiTestBase;
import org.partybuilding.events.EventType;
import org.partybuilding.events.MemberSnapshot;
import org.partybuilding.events.OrganizationSnapshot;
import org.partybuilding.platform.security.Role;

/** Replayed, redelivered and out-of-order registry and member events give the same coverage as the events in order. */
class ReplayedEventsTest extends BranchApiTestBase {

    private record Event(EventType type, Object snapshot) {
        void publishWith(org.partybuilding.platform.test.TestEventPublisher events) {
            events.publish(type, (org.partybuilding.events.AggregateSnapshot) snapshot);
        }
    }

    private String dongshan() {
        return new String(get("/api/branches/coverage?street=DONGSHAN", bearer(Role.AUDITOR)).expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
    }

    @Test
    void theSameCoverageWhateverTheOrder() {
        List<Event> history = new ArrayList<>();
        OrganizationSnapshot x = organization("ds-x", 1, "DONGSHAN", "EDUCATION", "SOCIAL_GROUP", "越秀区民政局", "ACTIVE");
        OrganizationSnapshot y = organization("ds-y", 1, "DONGSHAN", "HEALTH", "SOCIAL_GROUP", "越秀区民政局", "ACTIVE");
        OrganizationSnapshot z = organization("ds-z", 1, "DONGSHAN", "HEALTH", "SOCIAL_GROUP", "越秀区民政局", "ACTIVE");
        history.add(new Event(EventType.ORGANIZATION_REGISTERED, x));
        history.add(new Event(EventType.ORGANIZATION_REGISTERED, y));
        history.add(new Event(EventType.ORGANIZATION_REGISTERED, z));
        history.add(new Event(EventType.ORGANIZATION_DEREGISTERED, organization("ds-z", 2, "DONGSHAN", "HEALTH", "SOCIAL_GROUP",
                "越秀区民政局", "DEREGISTERED")));
        // m1: applicant → probationary → formal at X.
        history.add(new Event(EventType.MEMBER_REGISTERED, member("ds-m1", 1, "ds-x", "DONGSHAN", "APPLICANT", "ACTIVE", null)));
        history.add(new Event(EventType.MEMBER_STAGE_CHANGED, member("ds-m1", 2, "ds-x", "DONGSHAN", "PROBATIONARY", "ACTIVE", null)));
        history.add(new Event(EventType.MEMBER_STAGE_CHANGED, member("ds-m1", 3, "ds-x", "DONGSHAN", "FORMAL", "ACTIVE", null)));
        // m2: formal at X, moves to Y, leaves.
        history.add(new Event(EventType.MEMBER_REGISTERED, member("ds-m2", 1, "ds-x", "DONGSHAN", "FORMAL", "ACTIVE", null)));
        history.add(new Event(EventType.MEMBER_UPDATED, member("ds-m2", 2, "ds-y", "DONGSHAN", "FORMAL", "ACTIVE", null)));
        history.add(new Event(EventType.MEMBER_LEFT, member("ds-m2", 3, "ds-y", "DONGSHAN", "FORMAL", "LEFT", null)));
        // m3: probationary at Y; m4: formal but mobile at Y (its relationship is elsewhere: not counted for rule 1).
        history.add(new Event(EventType.MEMBER_REGISTERED, member("ds-m3", 1, "ds-y", "DONGSHAN", "PROBATIONARY", "ACTIVE", null)));
        history.add(new Event(EventType.MEMBER_REGISTERED, new MemberSnapshot("ds-m4", 1, "党员", "MALE", "ds-y", null, "DONGSHAN",
                "FORMAL", "ACTIVE", true, false, null, null)));
        // m5: formal at Z, which is deregistered.
        history.add(new Event(EventType.MEMBER_REGISTERED, member("ds-m5", 1, "ds-z", "DONGSHAN", "FORMAL", "ACTIVE", null)));

        history.forEach(e -> e.publishWith(events));
        awaitCounts("ds-x", 1, 0);
        awaitCounts("ds-y", 0, 1);
        awaitCounts("ds-z", 1, 0);
        await().atMost(PATIENCE).untilAsserted(() -> {
            CoverageReport report = get("/api/branches/coverage?street=DONGSHAN", bearer(Role.AUDITOR))
                    .expectBody(CoverageReport.class).returnResult().getResponseBody();
            assertThat(report.activeOrganizations()).isEqualTo(2);
            assertThat(report.withMembers()).isEqualTo(2);
            assertThat(report.gaps()).extracting(g -> g.reason() + ":" + g.organizationId())
                    .containsExactly("NEEDS_JOINT:ds-x", "NEEDS_JOINT:ds-y");
        });
        String inOrder = dongshan();

        // Everything again, shuffled, twice (redelivery, replay, any order): the same report.
        List<Event> shuffled = new ArrayList<>(history);
        shuffled.addAll(history);
        Collections.shuffle(shuffled, new Random(5));
        shuffled.forEach(e -> e.publishWith(events));
        register("ds-marker", "HONGQIAO");
        members("ds-marker", "HONGQIAO", 1, 0);
        assertThat(dongshan()).isEqualTo(inOrder);
        awaitCounts("ds-x", 1, 0);
        awaitCounts("ds-y", 0, 1);
    }
}
