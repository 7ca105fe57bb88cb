package org.partybuilding.funding.report;

/**
 * {@code GET /api/funding/forecast}: rule 18 with its parts — {@code members × perMemberYuan = workingFunds},
 * {@code (shouldFormSingle + proposedJoint) × startupYuan = startupGrants}, {@code total} their sum.
 */
public record ForecastResponse(int fiscalYear, String street, String perMemberYuan, String startupYuan, long members,
        String workingFunds, long shouldFormSingle, long proposedJoint, long expectedNewPartyOrganizations,
        String startupGrants, String total) {
}
