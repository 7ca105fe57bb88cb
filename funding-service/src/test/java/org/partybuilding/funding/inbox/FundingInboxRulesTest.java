package org.partybuilding.funding.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.funding.context.PartyOrganizationView;
import org.partybuilding.funding.ledger.EntryKind;
import org.partybuilding.funding.reconciliation.ReconciliationRules;
import org.partybuilding.platform.inbox.InboxItem;

class FundingInboxRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final PartyOrganizationView P = new PartyOrganizationView("p1", 1, "党支部", "BRANCH", "SINGLE", List.of("o1"),
            "JIANSHE", "ACTIVE", LocalDate.of(2026, 3, 1));

    private static ReconciliationRules.Result result(ReconciliationRules.Difference... differences) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new ReconciliationRules.Result(zero, zero, zero, zero, 0, 0, zero, List.of(differences));
    }

    @Test
    void aStartUpGrantNotBookedAsDueIsPendingSinceTheEstablishment() {
        List<InboxItem> items = FundingInboxRules.pending(2026, TODAY, new ReconciliationRules.Run(TODAY, new BigDecimal("100.00")),
                result(new ReconciliationRules.Difference("p1", "JIANSHE", EntryKind.STARTUP_GRANT, new BigDecimal("1000.00"),
                        BigDecimal.ZERO.setScale(2), null, null)), List.of(P), List.of(), Map.of("p1", P));
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("GRANT_PENDING");
            assertThat(i.since()).isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(i.subjectName()).isEqualTo("党支部");
            assertThat(i.rule()).isEqualTo(FundingInboxRules.RULE_14);
        });
    }

    @Test
    void afterTheRunAWorkingFundsDifferenceIsPendingSinceTheSnapshotDate() {
        LocalDate snapshot = LocalDate.of(2026, 6, 30);
        List<InboxItem> items = FundingInboxRules.pending(2026, TODAY, new ReconciliationRules.Run(snapshot, new BigDecimal("100.00")),
                result(new ReconciliationRules.Difference("p1", "JIANSHE", EntryKind.ANNUAL_WORKING_FUNDS, new BigDecimal("400.00"),
                        new BigDecimal("300.00"), 4, 3)), List.of(P), List.of(), Map.of("p1", P));
        assertThat(items).extracting(InboxItem::kind, InboxItem::since)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ALLOCATION_PENDING", snapshot));
        assertThat(FundingInboxRules.pending(2026, TODAY, new ReconciliationRules.Run(snapshot, BigDecimal.TEN), result(), List.of(P),
                List.of(), Map.of("p1", P))).isEmpty();
    }
}
