package org.partybuilding.member.reports;

import java.time.YearMonth;

import org.partybuilding.member.development.Stage;

/**
 * A member of {@code GET /api/members/reports/arrears} (rule 11, {@code DUES_ARREARS}): {@code unpaidMonths}
 * consecutive months unpaid before the current one, from {@code unpaidSince}; {@code owedFrom} is the later of the
 * month of admission and the month the member came under the platform, {@code lastPaid} the last month paid, if any.
 */
public record ArrearsEntry(String memberId, String name, String organizationId, String street, String partyOrganizationId,
        Stage stage, YearMonth owedFrom, YearMonth lastPaid, YearMonth unpaidSince, int unpaidMonths) {
}
