package org.partybuilding.branch.coverage;

import java.util.Objects;

import org.partybuilding.branch.domain.Formation;

/**
 * What coverage is decided on for one social organization (社会组织).
 *
 * @param active              registered and not deregistered; only active organizations are counted
 * @param formalMembers       formal members (正式党员) employed there whose relationship (组织关系) is in the district
 * @param probationaryMembers probationary members (预备党员) employed there
 * @param coveredBy           the active party organization covering it, or {@code null}; where several would,
 *                            the caller passes the strongest ({@code SINGLE} before {@code JOINT} before {@code AFFILIATED})
 * @param instructorAssigned  whether an instructor (党建工作指导员) is assigned to it
 */
public record OrganizationFacts(String organizationId, String name, String street, boolean active, int formalMembers,
        int probationaryMembers, CoveringPartyOrganization coveredBy, boolean instructorAssigned) {

    public OrganizationFacts {
        Objects.requireNonNull(organizationId, "organizationId");
        if (formalMembers < 0 || probationaryMembers < 0) {
            throw new IllegalArgumentException("Member counts cannot be negative");
        }
    }

    /** An organization as registry-service describes it, before anything is known of its members or party work. */
    public static OrganizationFacts withoutMembers(String organizationId, String name, String street, boolean active) {
        return new OrganizationFacts(organizationId, name, street, active, 0, 0, null, false);
    }

    public int members() {
        return formalMembers + probationaryMembers;
    }

    public boolean hasMembers() {
        return members() > 0;
    }

    public Formation formation() {
        return coveredBy == null ? null : coveredBy.formation();
    }
}
