package org.partybuilding.branch.member;

import org.springframework.data.annotation.Id;

/**
 * A document of {@value MemberState#COLLECTION} as read: the member's state and where {@link MemberCounts} last
 * counted it ({@code counted}, absent before the first count).
 */
public record MemberRow(
        @Id String id,
        long version,
        String organizationId,
        String partyOrganizationId,
        String street,
        String stage,
        String status,
        boolean mobile,
        Counted counted) {

    public MemberState state() {
        return new MemberState(id, version, organizationId, partyOrganizationId, street, stage, status, mobile);
    }

    public Counted countedOrNowhere() {
        return counted == null ? Counted.NOWHERE : counted;
    }
}
