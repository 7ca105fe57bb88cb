package org.partybuilding.funding.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partybuilding.funding.context.DatedMembership;
import org.partybuilding.funding.context.MemberFact;
import org.partybuilding.funding.context.MemberView;
import org.partybuilding.funding.context.PartyOrganizationView;
import org.partybuilding.funding.ledger.EntryKind;
import org.partybuilding.funding.ledger.LedgerEntry;

/**
 * The reconciliation follows the rules the bookings follow: no start-up grant is due for a party organization recorded
 * as pre-existing (rule 14), and members count as they stood on the run's snapshot date (rule 15), not as they are now.
 */
class ReconciliationRulesTest {

    private static final int YEAR = 2026;
    private static final BigDecimal STARTUP = new BigDecimal("1000.00");
    private static final ReconciliationRules.Run RUN = new ReconciliationRules.Run(LocalDate.of(YEAR, 6, 30), new BigDecimal("100.00"));

    private static PartyOrganizationView partyOrganization(String id, LocalDate establishedOn, boolean preExisting) {
        return new PartyOrganizationView(id, 1, id, "BRANCH", "SINGLE", List.of(), "JIANSHE", "ACTIVE", establishedOn, null,
                preExisting);
    }

    private static LedgerEntry entry(String id, EntryKind kind, String partyOrganizationId, String amount, Integer members) {
        return LedgerEntry.book(id, kind, partyOrganizationId, "JIANSHE", YEAR, new BigDecimal(amount), "test", members, "test",
                null, Instant.parse("2026-07-01T00:00:00Z"), "test");
    }

    @Test
    void aPreExistingPartyOrganizationHasNoStartUpGrantDueAndOneBookedForItIsADifference() {
        var recorded = partyOrganization("recorded", LocalDate.of(YEAR, 1, 10), true);
        var established = partyOrganization("new", LocalDate.of(YEAR, 2, 1), false);

        var balanced = ReconciliationRules.reconcile(YEAR, List.of(recorded, established), List.of(), STARTUP, null,
                List.of(entry("g1", EntryKind.STARTUP_GRANT, "new", "1000.00", null)));
        assertThat(balanced.expectedStartup()).isEqualByComparingTo("1000.00");
        assertThat(balanced.differences()).isEmpty();

        var doubled = ReconciliationRules.reconcile(YEAR, List.of(recorded, established), List.of(), STARTUP, null,
                List.of(entry("g1", EntryKind.STARTUP_GRANT, "new", "1000.00", null),
                        entry("g2", EntryKind.STARTUP_GRANT, "recorded", "1000.00", null)));
        assertThat(doubled.differences()).singleElement().satisfies(d -> {
            assertThat(d.partyOrganizationId()).isEqualTo("recorded");
            assertThat(d.expected()).isEqualByComparingTo("0.00");
            assertThat(d.difference()).isEqualByComparingTo("1000.00");
        });
    }

    @Test
    void aMemberPlacedAfterTheSnapshotDateIsNotExpectedInThatYearsWorkingFunds() {
        var po = partyOrganization("po", LocalDate.of(2020, 1, 1), false);
        var before = DatedMembership.of(new MemberView("a", 1, "org", "po", "JIANSHE", "FORMAL", "ACTIVE", LocalDate.of(2010, 1, 1),
                List.of(new MemberFact(1, "po", LocalDate.of(2020, 1, 1), "ACTIVE", null, LocalDate.of(2020, 1, 1)))));
        var after = DatedMembership.of(new MemberView("b", 1, "org", "po", "JIANSHE", "FORMAL", "ACTIVE", LocalDate.of(2010, 1, 1),
                List.of(new MemberFact(1, "po", LocalDate.of(YEAR, 9, 1), "ACTIVE", null, LocalDate.of(YEAR, 9, 1)))));

        var result = ReconciliationRules.reconcile(YEAR, List.of(po), List.of(before, after), STARTUP, RUN,
                List.of(entry("w1", EntryKind.ANNUAL_WORKING_FUNDS, "po", "100.00", 1)));
        assertThat(result.expectedWorkingFunds()).isEqualByComparingTo("100.00");
        assertThat(result.expectedMembers()).isEqualTo(1);
        assertThat(result.differences()).isEmpty();
    }
}
