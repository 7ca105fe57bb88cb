package org.partybuilding.member.members;

import java.util.function.Predicate;

import org.partybuilding.platform.problem.NotFoundException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may see and change which members (API.md): admins all; a street admin the members employed in
 * its street's organizations; a branch secretary its own party organization's members (read, and
 * dues); an auditor reads all, masked; finance nothing.
 */
public final class MemberAccess {

    private MemberAccess() {
    }

    public static boolean mayRead(DataScope scope, Member m) {
        return scope.mayRead(m.street())
                || (scope.has(Role.BRANCH_SECRETARY) && scope.partyOrganizationId() != null
                        && scope.partyOrganizationId().equals(m.partyOrganizationId()));
    }

    /** The member if the caller may read them; otherwise they do not exist for the caller (404). */
    public static Member requireReadable(DataScope scope, Member m) {
        if (!mayRead(scope, m)) {
            throw new NotFoundException("Member", m.id());
        }
        return m;
    }

    /** Registering and changing members: admins, and street admins in their street. */
    public static void requireWrite(DataScope scope, String street) {
        scope.requireAny(Role.DISTRICT_ADMIN, Role.COMMITTEE_ADMIN, Role.STREET_ADMIN).requireWrite(street);
    }

    /** Recording dues: as a writer, or the secretary of the member's party organization. */
    public static void requireDuesRecorder(DataScope scope, Member m) {
        boolean secretary = scope.has(Role.BRANCH_SECRETARY) && scope.partyOrganizationId() != null
                && scope.partyOrganizationId().equals(m.partyOrganizationId());
        if (!secretary && !scope.mayWrite(m.street())) {
            throw new AccessDeniedException("Outside your data scope");
        }
    }

    public static boolean seesPersonalData(DataScope scope, Member m) {
        return scope.seesPersonalData(m.street(), m.partyOrganizationId());
    }

    /**
     * The criteria that limit a list or report to the caller's scope; {@code street} and
     * {@code partyOrganizationId} are what the caller asked for (403 outside their scope).
     */
    public static Criteria scoped(DataScope scope, String street, String partyOrganizationId) {
        return visible(scope, street, partyOrganizationId).criteria();
    }

    /** The same selection as {@link #scoped}, for members held in memory ({@link MemberDirectory}). */
    public static Predicate<MemberDirectory.Entry> scopedEntries(DataScope scope, String street, String partyOrganizationId) {
        Visible visible = visible(scope, street, partyOrganizationId);
        return e -> (visible.street() == null || visible.street().equals(e.street()))
                && (visible.partyOrganizationId() == null || visible.partyOrganizationId().equals(e.partyOrganizationId()));
    }

    /** Which street and party organization a caller sees of the ones asked for (null = any). */
    private record Visible(String street, String partyOrganizationId) {

        Criteria criteria() {
            Criteria criteria = new Criteria();
            if (partyOrganizationId != null) {
                criteria.and("partyOrganizationId").is(partyOrganizationId);
            }
            if (street != null) {
                criteria.and("street").is(street);
            }
            return criteria;
        }
    }

    private static Visible visible(DataScope scope, String street, String partyOrganizationId) {
        if (scope.has(Role.BRANCH_SECRETARY) && !scope.districtWide() && !scope.has(Role.STREET_ADMIN)) {
            String own = scope.partyOrganizationId();
            if (own == null || (partyOrganizationId != null && !partyOrganizationId.equals(own))) {
                throw new AccessDeniedException("Party organization " + partyOrganizationId + " is outside your data scope");
            }
            return new Visible(street, own);
        }
        return new Visible(scope.streetToRead(street), partyOrganizationId);
    }
}
