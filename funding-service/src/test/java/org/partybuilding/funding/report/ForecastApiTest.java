package org.partybuilding.funding.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partybuilding.events.CoverageOutlookSnapshot;
import org.partybuilding.events.EventType;
import org.partybuilding.funding.FundingApiTestBase;
import org.partybuilding.funding.context.CoverageOutlookView;
import org.partybuilding.platform.security.Role;

/**
 * {@code GET /api/funding/forecast} (rule 18) for street BAIYUN (this class's), fiscal year 2045 at the default
 * policy (100.00 per member, 1,000.00 start-up):
 * <ul>
 * <li>3 formal members in SINGLE po-f2, 3 in JOINT po-f3, 4 with no party organization: 6 current members</li>
 * <li>branch-service announces BAIYUN's coverage outlook: 2 {@code SHOULD_FORM_SINGLE}, 1 proposed joint party
 *     organization — funding takes them as they are (it never counts rules 1 and 2 itself)</li>
 * </ul>
 * 6 members × 100.00 = 600.00; (2 + 1) × 1,000.00 = 3,000.00; total 3,600.00.
 */
class ForecastApiTest extends FundingApiTestBase {

    private static final String STREET = "BAIYUN";
    private static final LocalDate ADMITTED = LocalDate.of(2020, 1, 1);
    private static boolean ready;

    @BeforeEach
    void street() {
        if (ready) {
            return;
        }
        establish("po-f2", STREET, LocalDate.of(2021, 1, 1), "org-f2");
        events.publish(EventType.PARTY_ORGANIZATION_ESTABLISHED,
                partyOrganization("po-f3", 1, STREET, "JOINT", LocalDate.of(2021, 1, 1), "ACTIVE", "org-f3", "org-x"));
        awaitPartyOrganization("po-f3", 1);
        members("f1", 4, "org-f1", null, STREET, "FORMAL", ADMITTED);
        members("f2", 3, "org-f2", "po-f2", STREET, "FORMAL", ADMITTED);
        members("f3", 3, "org-f3", "po-f3", STREET, "FORMAL", ADMITTED);
        outlook(new CoverageOutlookSnapshot(STREET, 2, STREET, 2, 1));
        ready = true;
    }

    private void outlook(CoverageOutlookSnapshot outlook) {
        events.publish(EventType.COVERAGE_OUTLOOK_CHANGED, outlook);
        await().atMost(PATIENCE).until(() -> state.outlooks().block().stream().anyMatch(o -> o.id().equals(outlook.id())
                && o.version() >= outlook.version()));
    }

    @Test
    void theForecastIsMembersTimesThePolicyPlusExpectedPartyOrganizationsTimesTheStartUpGrant() {
        get("/api/funding/forecast?fiscalYear=2045&street=" + STREET, bearer(Role.FINANCE)).expectStatus().isOk().expectBody()
                .jsonPath("$.fiscalYear").isEqualTo(2045)
                .jsonPath("$.street").isEqualTo(STREET)
                .jsonPath("$.perMemberYuan").isEqualTo("100.00")
                .jsonPath("$.startupYuan").isEqualTo("1000.00")
                .jsonPath("$.members").isEqualTo(6)
                .jsonPath("$.workingFunds").isEqualTo("600.00")
                .jsonPath("$.shouldFormSingle").isEqualTo(2)
                .jsonPath("$.proposedJoint").isEqualTo(1)
                .jsonPath("$.expectedNewPartyOrganizations").isEqualTo(3)
                .jsonPath("$.startupGrants").isEqualTo("3000.00")
                .jsonPath("$.total").isEqualTo("3600.00");
        // A street admin reads its own street's forecast.
        get("/api/funding/forecast?fiscalYear=2045", streetAdmin(STREET)).expectStatus().isOk().expectBody()
                .jsonPath("$.street").isEqualTo(STREET)
                .jsonPath("$.total").isEqualTo("3600.00");
        // District-wide, for the roles that read the district.
        get("/api/funding/forecast?fiscalYear=2045", bearer(Role.AUDITOR)).expectStatus().isOk().expectBody()
                .jsonPath("$.street").doesNotExist();
    }

    @Test
    void anOlderOutlookChangesNothingAndANewerOneMovesTheForecast() {
        events.publish(EventType.COVERAGE_OUTLOOK_CHANGED, new CoverageOutlookSnapshot("DENGFENG", 3, "DENGFENG", 1, 0));
        outlook(new CoverageOutlookSnapshot("DENGFENG", 2, "DENGFENG", 9, 9)); // a replay of an older one: not applied
        await().atMost(PATIENCE).untilAsserted(() -> get("/api/funding/forecast?fiscalYear=2045&street=DENGFENG",
                bearer(Role.FINANCE)).expectStatus().isOk().expectBody()
                .jsonPath("$.shouldFormSingle").isEqualTo(1)
                .jsonPath("$.proposedJoint").isEqualTo(0)
                .jsonPath("$.startupGrants").isEqualTo("1000.00"));
        assertThat(mongo.findById("DENGFENG", CoverageOutlookView.class, CoverageOutlookView.COLLECTION).block().version())
                .isEqualTo(3);
        outlook(new CoverageOutlookSnapshot("DENGFENG", 4, "DENGFENG", 0, 2));
        get("/api/funding/forecast?fiscalYear=2045&street=DENGFENG", bearer(Role.FINANCE)).expectStatus().isOk().expectBody()
                .jsonPath("$.expectedNewPartyOrganizations").isEqualTo(2);
    }

    @Test
    void theForecastIsRefusedToOtherStreetsAndRolesAndWithoutAYear() {
        isProblem(get("/api/funding/forecast?fiscalYear=2045&street=DENGFENG", streetAdmin(STREET)), 403);
        isProblem(get("/api/funding/forecast?fiscalYear=2045", secretaryOf("po-f2")), 403);
        isProblem(get("/api/funding/forecast", bearer(Role.FINANCE)), 400);
        isProblem(get("/api/funding/forecast?fiscalYear=2045&street=NOWHERE", bearer(Role.FINANCE)), 400);
        isProblem(get("/api/funding/forecast?fiscalYear=1900", bearer(Role.FINANCE)), 400);
    }
}
