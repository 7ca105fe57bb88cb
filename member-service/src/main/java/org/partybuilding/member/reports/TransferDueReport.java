package org.partybuilding.member.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/members/reports/transfer-due} (应转未转, rule 9): mobile members who have worked
 * here 6 months or more, hold no post in their original party organization, and have no transfer
 * in under way.
 */
public record TransferDueReport(LocalDate asOf, int total, List<Entry> members) {

    /** {@code partyOrganizationId}: the party organization the member is placed in here, if any. */
    public record Entry(String memberId, String name, String organizationId, String street, String originalPartyOrganization,
            LocalDate workingSince, LocalDate dueSince, String partyOrganizationId) {
    }
}
