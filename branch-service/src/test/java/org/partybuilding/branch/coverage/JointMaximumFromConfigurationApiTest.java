package org.partybuilding.branch.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partybuilding.branch.BranchApiTestBase;
import org.partybuilding.events.CoverageOutlookSnapshot;
import org.partybuilding.platform.security.Role;
import org.springframework.test.context.TestPropertySource;

/**
 * Rule 2's maximum is one number in one place ({@code branch.rules.joint-max-organizations}): set to 2 here, the same
 * four joint candidates that form one proposal under the default 5 ({@link CoverageOutlookApiTest}) form two — in the
 * joint plan and in the announced coverage outlook, which is what funding's forecast expects its new party
 * organizations from (funding-service's ForecastApiTest), so the forecast moves with it.
 */
@TestPropertySource(properties = "branch.rules.joint-max-organizations=2")
class JointMaximumFromConfigurationApiTest extends BranchApiTestBase {

    private static final String STREET = "DATANG";

    @Test
    void aSmallerMaximumMovesTheJointPlanAndTheAnnouncedOutlookAlike() {
        organizationsWithMembers("jm-j-", STREET, 4, 2); // four joint candidates

        JointPlan plan = get("/api/branches/coverage/joint-plan?street=" + STREET, bearer(Role.AUDITOR)).expectStatus().isOk()
                .expectBody(JointPlan.class).returnResult().getResponseBody();
        assertThat(plan.proposals()).hasSize(2).allSatisfy(p -> assertThat(p.organizationCount()).isEqualTo(2));
        CoverageOutlookSnapshot outlook = CoverageOutlookApiTest.announced(broker, STREET, 0, 2);
        assertThat(outlook.proposedJoint()).isEqualTo(plan.proposals().size());
    }
}
