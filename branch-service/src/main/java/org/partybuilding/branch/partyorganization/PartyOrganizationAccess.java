package org.partybuilding.branch.partyorganization;

import org.partybuilding.platform.problem.NotFoundException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may see and change which party organizations (API.md): district and committee admins all; a street admin
 * those of its street; an auditor reads all; a branch secretary reads its own and may tick its six haves, nothing
 * else; finance nothing.
 */
final class PartyOrganizationAccess {

    private PartyOrganizationAccess() {
    }

    static boolean ownSecretary(DataScope scope, String partyOrganizationId) {
        return scope.has(Role.BRANCH_SECRETARY) && scope.partyOrganizationId() != null
                && scope.partyOrganizationId().equals(partyOrganizationId);
    }

    static boolean mayRead(DataScope scope, PartyOrganization p) {
        return scope.mayRead(p.street()) || ownSecretary(scope, p.id());
    }

    /** The party organization if the caller may read it; otherwise it does not exist for the caller (404). */
    static PartyOrganization requireReadable(DataScope scope, PartyOrganization p) {
        if (!mayRead(scope, p)) {
            throw NotFoundException.hidden("Party organization", p.id());
        }
        return p;
    }

    /** Establishing and changing: admins, and street admins in their street. */
    static void requireWrite(DataScope scope, String street) {
        scope.requireAny(Role.DISTRICT_ADMIN, Role.COMMITTEE_ADMIN, Role.STREET_ADMIN).requireWrite(street);
    }

    /** The criteria that limit a list to the caller's scope; {@code street} is what was asked for (403 outside the scope). */
    static Criteria scoped(DataScope scope, String street) {
        Criteria criteria = new Criteria();
        if (!scope.districtWide() && !scope.has(Role.STREET_ADMIN) && scope.has(Role.BRANCH_SECRETARY)) {
            if (scope.partyOrganizationId() == null) {
                throw new AccessDeniedException("Your token names no party organization");
            }
            criteria.and("_id").is(scope.partyOrganizationId());
            if (street != null) {
                criteria.and("street").is(street);
            }
            return criteria;
        }
        String streetToRead = scope.streetToRead(street);
        if (streetToRead != null) {
            criteria.and("street").is(streetToRead);
        }
        return criteria;
    }
}
