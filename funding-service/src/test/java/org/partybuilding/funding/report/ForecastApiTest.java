package org.partybuilding.funding.report;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partybuilding.events.EventType;
import org.partybuilding.funding.FundingApiTestBase;
import org.partybuilding.platform.security.Role;

/**
 * {@code GET /api/funding/forecast} (rule 18) for street BAIYUN (this class's), fiscal year 2045 at the default
 * policy (100.00 per member, 1,000.00 start-up):
 * <ul>
 * <li>org-f1: 4 formal members, no party organization → SHOULD_FORM_SINGLE</li>
 * <li>org-f2: 3 formal in its SINGLE po-f2 → covered; 3 current members</li>
 * <li>org-f3: 3 formal, only in JOINT po-f3 → SHOULD_FORM_SINGLE; 3 current members</li>
 * <li>org-f4, org-f5, org-f6 (EDUCATION, 1 formal each) → one proposed joint organization; org-f7 (SPORTS, 2 formal)
 *     joins it (room for 5)</li>
 * <li>org-f8: only a probationary member, no party organization → neither</li>
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
        organization("org-f1", STREET, "EDUCATION");
        organization("org-f2", STREET, "EDUCATION");
        organization("org-f3", STREET, "EDUCATION");
        organization("org-f4", STREET, "EDUCATION");
        organization("org-f5", STREET, "EDUCATION");
        organization("org-f6", STREET, "EDUCATION");
        organization("org-f7", STREET, "SPORTS");
        organization("org-f8", STREET, "SPORTS");
        establish("po-f2", STREET, LocalDate.of(2021, 1, 1), "org-f2");
        events.publish(EventType.PARTY_ORGANIZATION_ESTABLISHED,
                partyOrganization("po-f3", 1, STREET, "JOINT", LocalDate.of(2021, 1, 1), "ACTIVE", "org-f3", "org-x"));
        awaitPartyOrganization("po-f3", 1);
        members("f1", 4, "org-f1", null, STREET, "FORMAL", ADMITTED);
        members("f2", 3, "org-f2", "po-f2", STREET, "FORMAL", ADMITTED);
        members("f3", 3, "org-f3", "po-f3", STREET, "FORMAL", ADMITTED);
        members("f4", 1, "org-f4", null, STREET, "FORMAL", ADMITTED);
        members("f5", 1, "org-f5", null, STREET, "FORMAL", ADMITTED);
        members("f6", 1, "org-f6", null, STREET, "FORMAL", ADMITTED);
        members("f7", 2, "org-f7", null, STREET, "FORMAL", ADMITTED);
        members("f8", 1, "org-f8", null, STREET, "PROBATIONARY", ADMITTED);
        ready = true;
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
    void theForecastIsRefusedToOtherStreetsAndRolesAndWithoutAYear() {
        isProblem(get("/api/funding/forecast?fiscalYear=2045&street=DENGFENG", streetAdmin(STREET)), 403);
        isProblem(get("/api/funding/forecast?fiscalYear=2045", secretaryOf("po-f2")), 403);
        isProblem(get("/api/funding/forecast", bearer(Role.FINANCE)), 400);
        isProblem(get("/api/funding/forecast?fiscalYear=2045&street=NOWHERE", bearer(Role.FINANCE)), 400);
        isProblem(get("/api/funding/forecast?fiscalYear=1900", bearer(Role.FINANCE)), 400);
    }
}
