package org.partybuilding.funding.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.partybuilding.funding.FundingApiTestBase;
import org.partybuilding.platform.security.Role;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * {@code GET /api/funding/reconciliation}: a year whose ledger holds what the facts say is balanced; a fact the ledger
 * does not reflect (a member placed after the allocation run, admitted before its snapshot date) is listed, to the fen.
 */
class ReconciliationApiTest extends FundingApiTestBase {

    private static final int YEAR = 2011;

    @Test
    void aBalancedYearIsBalancedAndEveryDifferenceIsListedToTheFen() {
        establish("rc-po-1", "DATANG", LocalDate.of(YEAR, 3, 1), "rc-org-1");
        establish("rc-po-2", "DATANG", LocalDate.of(YEAR, 4, 1), "rc-org-2");
        members("rc-a", 3, "rc-org-1", "rc-po-1", "DATANG", "FORMAL", LocalDate.of(2005, 1, 1));
        members("rc-b", 2, "rc-org-2", "rc-po-2", "DATANG", "PROBATIONARY", LocalDate.of(2010, 1, 1));
        await().atMost(PATIENCE).until(() -> entries(Criteria.where("fiscalYear").is(YEAR).and("kind").is("STARTUP_GRANT")
                .and("partyOrganizationId").in("rc-po-1", "rc-po-2")).size() == 2);
        allocate(YEAR, YEAR + "-06-30", bearer(Role.DISTRICT_ADMIN)).expectStatus().isCreated();

        get("/api/funding/reconciliation?fiscalYear=" + YEAR, bearer(Role.AUDITOR)).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.balanced").isEqualTo(true)
                .jsonPath("$.snapshotDate").isEqualTo(YEAR + "-06-30")
                .jsonPath("$.startupGrants.expected").isEqualTo("2000.00")
                .jsonPath("$.startupGrants.booked").isEqualTo("2000.00")
                .jsonPath("$.workingFunds.expected").isEqualTo("500.00")
                .jsonPath("$.workingFunds.booked").isEqualTo("500.00")
                .jsonPath("$.workingFunds.expectedMembers").isEqualTo(5)
                .jsonPath("$.differences").isEmpty();

        // a member the run did not count although it belonged there on the snapshot date: 100.00 missing
        member(member("rc-a-late", 1, "rc-org-1", "rc-po-1", "DATANG", "FORMAL", "ACTIVE", LocalDate.of(2008, 1, 1)));
        get("/api/funding/reconciliation?fiscalYear=" + YEAR, bearer(Role.DISTRICT_ADMIN)).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.balanced").isEqualTo(false)
                .jsonPath("$.workingFunds.expected").isEqualTo("600.00")
                .jsonPath("$.workingFunds.booked").isEqualTo("500.00")
                .jsonPath("$.workingFunds.difference").isEqualTo("-100.00")
                .jsonPath("$.differences.length()").isEqualTo(1)
                .jsonPath("$.differences[0].partyOrganizationId").isEqualTo("rc-po-1")
                .jsonPath("$.differences[0].kind").isEqualTo("ANNUAL_WORKING_FUNDS")
                .jsonPath("$.differences[0].expected").isEqualTo("400.00")
                .jsonPath("$.differences[0].booked").isEqualTo("300.00")
                .jsonPath("$.differences[0].difference").isEqualTo("-100.00")
                .jsonPath("$.differences[0].expectedMembers").isEqualTo(4)
                .jsonPath("$.differences[0].bookedMembers").isEqualTo(3);
    }

    @Test
    void onlyTheDistrictAdminAndTheAuditorReconcileAndTheYearIsRequired() {
        isProblem(get("/api/funding/reconciliation?fiscalYear=" + YEAR, bearer(Role.FINANCE)), 403);
        isProblem(get("/api/funding/reconciliation?fiscalYear=" + YEAR, bearer(Role.COMMITTEE_ADMIN)), 403);
        isProblem(get("/api/funding/reconciliation", bearer(Role.AUDITOR)), 400);
        assertThat(entries(Criteria.where("fiscalYear").is(YEAR).and("kind").is("ADJUSTMENT"))).isEmpty();
    }
}
