package org.partybuilding.funding.context;

import java.time.LocalDate;

/**
 * One member event as funding keeps it, so that a member can be counted as it stood on a day (rule 15): where the
 * member was ({@code partyOrganizationId}) and since when, its status and since when, as member-service dated them
 * ({@code null} where an event did not say: older events), and {@code on}, the day of the event itself (its
 * {@code ce_time} in the district's time zone), which stands in for a date the event did not carry. {@code on} is
 * {@code null} only for what was kept before funding kept dates (then nothing is known of when).
 */
public record MemberFact(long version, String partyOrganizationId, LocalDate partyOrganizationSince, String status,
        LocalDate statusSince, LocalDate on) {
}
