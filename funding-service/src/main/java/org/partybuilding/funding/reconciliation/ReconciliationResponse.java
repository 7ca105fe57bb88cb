package org.partybuilding.funding.reconciliation;

import java.time.LocalDate;
import java.util.List;

import org.partybuilding.funding.money.Money;

/**
 * {@code GET /api/funding/reconciliation?fiscalYear=}: grants and working funds recomputed from the facts against the
 * ledger, money as yuan strings with two decimals. {@code balanced} when nothing differs; {@code snapshotDate} and
 * {@code perMemberYuan} are the year's allocation run's (null before it, and then no working funds are due).
 */
public record ReconciliationResponse(int fiscalYear, LocalDate snapshotDate, String perMemberYuan, String startupYuan,
        Part startupGrants, Part workingFunds, String adjustments, boolean balanced, List<Row> differences) {

    /** Expected (recomputed), booked (the ledger) and booked − expected. */
    public record Part(String expected, String booked, String difference, Long expectedMembers, Long bookedMembers) {
    }

    /** One party organization and kind where the ledger differs from what is due. */
    public record Row(String partyOrganizationId, String street, String kind, String expected, String booked,
            String difference, Integer expectedMembers, Integer bookedMembers) {
    }

    static ReconciliationResponse of(int fiscalYear, ReconciliationRules.Run run, java.math.BigDecimal startupYuan,
            ReconciliationRules.Result result) {
        List<Row> rows = result.differences().stream().map(d -> new Row(d.partyOrganizationId(), d.street(), d.kind().name(),
                Money.format(d.expected()), Money.format(d.booked()), Money.format(d.difference()), d.expectedMembers(),
                d.bookedMembers())).toList();
        return new ReconciliationResponse(fiscalYear, run == null ? null : run.snapshotDate(),
                run == null ? null : Money.format(run.perMemberYuan()), startupYuan == null ? null : Money.format(startupYuan),
                new Part(Money.format(result.expectedStartup()), Money.format(result.bookedStartup()),
                        Money.format(result.bookedStartup().subtract(result.expectedStartup())), null, null),
                new Part(Money.format(result.expectedWorkingFunds()), Money.format(result.bookedWorkingFunds()),
                        Money.format(result.bookedWorkingFunds().subtract(result.expectedWorkingFunds())),
                        result.expectedMembers(), result.bookedMembers()),
                Money.format(result.adjustments()), rows.isEmpty(), rows);
    }
}
