package org.partybuilding.member.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/members/reports/pipeline}: active members per stage, and who is due for the next
 * step of rule 8 and from when: activists for development target, development targets for
 * admission (with their training hours), probationers for confirmation, and applicant talks overdue.
 * Each list is sorted by date and cut at {@code limit}; its {@code total} is the full count.
 */
public record PipelineReport(LocalDate asOf, Map<String, Long> byStage, Due activistsForTarget, Due targetsForAdmission,
        Due probationersForConfirmation, Due applicantTalksOverdue) {

    public record Due(long total, long eligibleNow, List<Entry> members) {
    }

    /**
     * @param since         the date of the member's current stage
     * @param eligibleFrom  the first day the next step is allowed (or the talk was due)
     * @param trainingHours development-target training hours, for targets
     */
    public record Entry(String memberId, String name, String partyOrganizationId, String street, LocalDate since,
            LocalDate eligibleFrom, boolean eligibleNow, BigDecimal trainingHours) {
    }
}
