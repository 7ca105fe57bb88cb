package org.partybuilding.branch.member;

import org.springframework.data.annotation.Id;

/**
 * Formal and probationary members of one organization ({@value #ORGANIZATIONS}) or one party organization
 * ({@value #PARTY_ORGANIZATIONS}). The documents also hold which members are counted (a map member → kind), so
 * that counting a member again, or uncounting one twice, changes nothing; the map is never read back.
 */
public record MemberCount(@Id String id, int formal, int probationary) {

    public static final String ORGANIZATIONS = "organization_members";
    public static final String PARTY_ORGANIZATIONS = "party_organization_members";

    public static MemberCount none(String id) {
        return new MemberCount(id, 0, 0);
    }

    public int members() {
        return formal + probationary;
    }
}
