package org.partybuilding.branch.standardization;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/branches/standardization}: how the active party organizations in scope meet the standard.
 *
 * @param partyOrganizations        active party organizations counted
 * @param meetingAllSixHaves        those with every item of the six haves (六个有)
 * @param shareMeetingAllSixHaves   the share of them, a fraction with 4 decimals; {@code null} with none counted
 * @param sixHaves                  per item, how many have it
 * @param ratings                   per rating (评定), how many, every rating listed
 * @param weak                      the {@code WEAK} ones (软弱涣散), by street and name: rectification
 * @param termsDue                  terms that end within the warning days or have ended (rule 5), soonest first
 * @param leadershipGaps            rule 5's gaps, {@code COMMITTEE_NOT_ELECTED} and {@code SECRETARY_MISSING}, how many each
 *                                  (the same lines as coverage's gap list)
 * @param committeeNotElected       7+ formal members and no elected committee, by street and name
 * @param secretaryMissing          no secretary, by street and name
 */
public record StandardizationReport(int partyOrganizations, int meetingAllSixHaves, BigDecimal shareMeetingAllSixHaves,
        Map<String, Integer> sixHaves, Map<String, Integer> ratings, List<Line> weak, List<Line> termsDue,
        Map<String, Integer> leadershipGaps, List<Line> committeeNotElected, List<Line> secretaryMissing) {

    /** A party organization on one of the lists; {@code formalMembers} as coverage counts them. */
    public record Line(String partyOrganizationId, String name, String street, String rating, LocalDate termEndsOn,
            int formalMembers) {
    }
}
