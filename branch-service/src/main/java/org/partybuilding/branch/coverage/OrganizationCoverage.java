package org.partybuilding.branch.coverage;

/**
 * The facts coverage is decided on, for one organization.
 *
 * @param formalMembers       formal members (正式党员) employed there with their relationship in the district
 * @param probationaryMembers probationary members (预备党员)
 * @param coveredBy           how an active party organization covers it, or null
 * @param instructor          whether an instructor (党建工作指导员) is assigned
 */
public record OrganizationCoverage(String organizationId, String name, String street, String type, String supervisoryUnit,
        boolean active, int formalMembers, int probationaryMembers, Formation coveredBy, boolean instructor) {

    public int members() {
        return formalMembers + probationaryMembers;
    }
}
