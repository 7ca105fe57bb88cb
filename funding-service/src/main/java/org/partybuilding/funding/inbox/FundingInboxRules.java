package org.partybuilding.funding.inbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.partybuilding.funding.allocation.AllocationRules;
import org.partybuilding.funding.context.DatedMembership;
import org.partybuilding.funding.context.PartyOrganizationView;
import org.partybuilding.funding.ledger.EntryKind;
import org.partybuilding.funding.reconciliation.ReconciliationRules;
import org.partybuilding.platform.inbox.InboxItem;

/**
 * What funding work is pending in the current fiscal year, in plain Java, from the year's reconciliation (the ledger set
 * against what rules 14 and 15 make due):
 * <ul>
 * <li>{@code GRANT_PENDING}: a start-up grant due and not booked as due (booking is automatic, so this is for review:
 *     a lost event, an adjustment that went wrong); since the party organization's establishment;</li>
 * <li>{@code ALLOCATION_PENDING}: before the year's allocation run, every party organization that has members today
 *     (its working funds wait for the run), since the first day of the fiscal year; after the run, a party organization
 *     whose booked working funds differ from the run's due, since the run's snapshot date.</li>
 * </ul>
 * Adjustments awaiting a second person: the funding policy has no four-eyes setting (adjustments are booked by the
 * district admin alone, with a reason), so nothing waits for one.
 */
public final class FundingInboxRules {

    public static final String RULE_14 = "RULE_14_STARTUP_GRANT";
    public static final String RULE_15 = "RULE_15_ANNUAL_WORKING_FUNDS";

    private FundingInboxRules() {
    }

    public static List<InboxItem> pending(int fiscalYear, LocalDate today, ReconciliationRules.Run run,
            ReconciliationRules.Result result, Collection<PartyOrganizationView> partyOrganizations,
            Collection<DatedMembership> memberships, Map<String, PartyOrganizationView> byId) {
        List<InboxItem> items = new ArrayList<>();
        for (ReconciliationRules.Difference d : result.differences()) {
            PartyOrganizationView p = byId.get(d.partyOrganizationId());
            String name = p == null ? null : p.name();
            if (d.kind() == EntryKind.STARTUP_GRANT) {
                LocalDate since = p != null && p.establishedOn() != null ? p.establishedOn() : LocalDate.of(fiscalYear, 1, 1);
                items.add(item(FundingInboxKind.GRANT_PENDING, d.partyOrganizationId(), name, since, RULE_14, d.street(), fiscalYear));
            } else if (d.kind() == EntryKind.ANNUAL_WORKING_FUNDS && run != null) {
                items.add(item(FundingInboxKind.ALLOCATION_PENDING, d.partyOrganizationId(), name, run.snapshotDate(), RULE_15,
                        d.street(), fiscalYear));
            }
        }
        if (run == null) {
            for (AllocationRules.Share share : AllocationRules.shares(memberships, partyOrganizations, today, BigDecimal.ONE)) {
                PartyOrganizationView p = byId.get(share.partyOrganizationId());
                items.add(item(FundingInboxKind.ALLOCATION_PENDING, share.partyOrganizationId(), p == null ? null : p.name(),
                        LocalDate.of(fiscalYear, 1, 1), RULE_15, share.street(), fiscalYear));
            }
        }
        return items;
    }

    private static InboxItem item(FundingInboxKind kind, String partyOrganizationId, String name, LocalDate since, String rule,
            String street, int fiscalYear) {
        String route = kind == FundingInboxKind.ALLOCATION_PENDING ? "/funding/allocation"
                : "/funding/ledger?fiscalYear=" + fiscalYear + "&partyOrganizationId=" + partyOrganizationId;
        return new InboxItem(kind.name(), partyOrganizationId, name, null, since, rule, route, street, partyOrganizationId);
    }
}
