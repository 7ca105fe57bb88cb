package org.partybuilding.training.inbox;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.partybuilding.training.compliance.ComplianceReport;
import org.partybuilding.training.compliance.ComplianceRules.RequirementResult;
import org.partybuilding.training.compliance.Period;
import org.partybuilding.platform.inbox.InboxItem;

/**
 * Meetings owed in the current period (rule 12), in plain Java, from the compliance report of the current quarter: each
 * requirement whose running sub-period (this month, this quarter, or in the fourth quarter this year) has not yet seen
 * enough counted activities is one item, due on the sub-period's last day. Sub-periods that ended short are the
 * compliance report's {@code BEHIND}, not work that can still be done. The rule names the requirement
 * ({@code RULE_12_GENERAL_MEETING}, …) so the portal can say which meeting is owed.
 */
public final class TrainingInboxRules {

    public static final String RULE_PREFIX = "RULE_12_";

    private TrainingInboxRules() {
    }

    /** The current period: today's quarter. */
    public static Period currentPeriod(LocalDate today) {
        return new Period(today.getYear(), (today.getMonthValue() - 1) / 3 + 1);
    }

    public static List<InboxItem> owed(ComplianceReport.Row row) {
        List<InboxItem> items = new ArrayList<>();
        for (RequirementResult r : row.requirements()) {
            for (String open : r.open()) {
                items.add(new InboxItem(TrainingInboxKind.MEETING_OWED.name(), row.partyOrganizationId(), row.name(), endOf(open),
                        null, RULE_PREFIX + r.requirement(), "/training/activities?partyOrganizationId=" + row.partyOrganizationId()
                                + "&kind=" + r.kind().name(), row.street(), row.partyOrganizationId()));
            }
        }
        return items;
    }

    /** The last day of a sub-period by its label: {@code 2026-11} (month), {@code 2026-Q4} (quarter), {@code 2026} (year). */
    static LocalDate endOf(String label) {
        if (label.contains("-Q")) {
            String[] parts = label.split("-Q");
            return new Period(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])).end();
        }
        if (label.contains("-")) {
            return YearMonth.parse(label).atEndOfMonth();
        }
        return LocalDate.of(Integer.parseInt(label), 12, 31);
    }
}
