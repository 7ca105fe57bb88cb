package org.partybuilding.branch.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.partybuilding.branch.BranchApiTestBase;
import org.partybuilding.events.CoverageOutlookSnapshot;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.EventType;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.TopicRecords;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * {@code CoverageOutlookChanged}: branch-service announces per street the {@code SHOULD_FORM_SINGLE} gaps and the
 * joint party organizations its joint plan proposes — the figures funding's forecast (rule 18) takes as they are.
 * Street HUALE (this class's): two organizations with 3 formal members each (rule 1), four with 2 each (rule 2: with
 * the configured maximum of 5 organizations, one joint proposal).
 */
class CoverageOutlookApiTest extends BranchApiTestBase {

    static final String STREET = "HUALE";

    /** Waits until {@code street}'s announced figures are {@code single} and {@code joint}; returns that announcement. */
    static CoverageOutlookSnapshot announced(EmbeddedKafkaBroker broker, String street, int single, int joint) {
        return announced(broker, street, single, joint, 0);
    }

    /** As {@link #announced(EmbeddedKafkaBroker, String, int, int)}, in an announcement newer than {@code afterVersion}. */
    static CoverageOutlookSnapshot announced(EmbeddedKafkaBroker broker, String street, int single, int joint,
            long afterVersion) {
        List<ConsumerRecord<String, byte[]>> found = TopicRecords.await(broker, Topics.BRANCH_PARTY_ORGANIZATIONS, r -> {
            if (!street.equals(r.key()) || !EventType.COVERAGE_OUTLOOK_CHANGED.ceType().equals(type(r))) {
                return false;
            }
            CoverageOutlookSnapshot outlook = EventCodec.decode(r.value(), CoverageOutlookSnapshot.class);
            return outlook.shouldFormSingle() == single && outlook.proposedJoint() == joint && outlook.version() > afterVersion;
        }, 1);
        return EventCodec.decode(found.get(found.size() - 1).value(), CoverageOutlookSnapshot.class);
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader("ce_type");
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void eachStreetsGapsAndJointProposalsAreAnnouncedAndFollowTheirChanges() {
        register("co-s1", STREET, "HEALTH");
        register("co-s2", STREET, "HEALTH");
        members("co-s1", STREET, 3, 0);
        members("co-s2", STREET, 3, 0);
        organizationsWithMembers("co-j-", STREET, 4, 2); // four joint candidates

        CoverageOutlookSnapshot before = announced(broker, STREET, 2, 1);
        assertThat(before.id()).isEqualTo(STREET);
        assertThat(before.street()).isEqualTo(STREET);
        JointPlan plan = get("/api/branches/coverage/joint-plan?street=" + STREET, bearer(Role.AUDITOR)).expectStatus().isOk()
                .expectBody(JointPlan.class).returnResult().getResponseBody();
        assertThat(plan.proposals()).hasSize(before.proposedJoint());

        // co-s1 forms its own party organization: one gap fewer, announced with a newer version.
        established(establishment("中共华乐一社会组织支部委员会", "BRANCH", "SINGLE", STREET, "co-s1"));
        CoverageOutlookSnapshot after = announced(broker, STREET, 1, 1, before.version());
        assertThat(after.version()).isGreaterThan(before.version());
    }
}
