package org.partybuilding.branch.member;

/**
 * Where a member is counted: in an organization's and a party organization's figures (either may be {@code null}),
 * as {@code kind}.
 */
public record Counted(String organizationId, String partyOrganizationId, MemberKind kind) {

    public static final Counted NOWHERE = new Counted(null, null, null);

    public Counted {
        if (kind == null) {
            organizationId = null;
            partyOrganizationId = null;
        }
    }
}
