package org.partybuilding.member.annual;

import java.time.LocalDate;
import java.util.Map;

/**
 * member-service's section of the annual report to the district committee (每年向区委报告), for a year and optionally a
 * street (members by their employer's street now).
 *
 * @param startOn      the day the year-start figures are taken: the last day of the previous year
 * @param endOn        the day the year-end figures are taken: the year's last day, or today in the current year
 * @param partyMembersAtStart formal and probationary members on {@code startOn}
 * @param partyMembersAtEnd   formal and probationary members on {@code endOn}; in the current year the pipeline report's
 *                            counts of active {@code FORMAL} and {@code PROBATIONARY} members
 * @param developed    members who reached each development stage in the year (发展党员 per stage)
 * @param transfers    relationship transfers completed in the year, per kind ({@code OUT} within the district,
 *                     {@code OUT_OF_DISTRICT}, {@code IN})
 */
public record MemberAnnualSection(int year, String street, String streetName, LocalDate asOf, LocalDate startOn, LocalDate endOn,
        Map<String, Integer> partyMembersAtStart, Map<String, Integer> partyMembersAtEnd, Map<String, Integer> developed,
        Map<String, Integer> transfers) {
}
