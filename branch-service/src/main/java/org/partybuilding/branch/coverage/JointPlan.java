package org.partybuilding.branch.coverage;

import java.util.List;

/**
 * {@code GET /api/branches/coverage/joint-plan}: organizations with 1–2 formal members and no party organization,
 * grouped into proposed joint party organizations (rule 2). Every candidate is in exactly one proposal or in
 * {@code cannotBeGrouped}.
 *
 * @param candidates the organizations considered
 */
public record JointPlan(int candidates, int proposedOrganizations, List<Proposal> proposals, List<Ungrouped> cannotBeGrouped) {

    /** A proposed joint party organization; {@code industry} is {@code null} where it mixes industries of its street. */
    public record Proposal(String street, String streetName, String industry, int organizationCount, int formalMembers,
            int probationaryMembers, List<Organization> organizations) {
    }

    public record Organization(String organizationId, String name, String industry, int formalMembers, int probationaryMembers) {
    }

    public record Ungrouped(String organizationId, String name, String street, String industry, int formalMembers,
            JointPlanner.Reason reason) {
    }
}
