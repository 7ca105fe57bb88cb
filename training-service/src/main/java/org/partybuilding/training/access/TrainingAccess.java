package org.partybuilding.training.access;

import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.partybuilding.training.context.KnownMember;
import org.partybuilding.training.context.KnownPartyOrganization;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may record and read what (API.md): admins everything; a street admin its street's party
 * organizations and members; a branch secretary its own party organization; auditors read all;
 * finance nothing (refused by the path rules already).
 */
public final class TrainingAccess {

    private TrainingAccess() {
    }

    /** A branch secretary who is nothing more: limited to one party organization. */
    public static boolean secretaryOnly(DataScope scope) {
        return scope.has(Role.BRANCH_SECRETARY) && !scope.districtWide() && !scope.has(Role.STREET_ADMIN);
    }

    public static boolean mayRead(DataScope scope, KnownPartyOrganization p) {
        return mayRead(scope, p.street(), p.id());
    }

    /** A record of that street and party organization. */
    public static boolean mayRead(DataScope scope, String street, String partyOrganizationId) {
        return scope.mayRead(street) || ownOrganization(scope, partyOrganizationId);
    }

    public static boolean mayRecord(DataScope scope, KnownPartyOrganization p) {
        return scope.mayWrite(p.street()) || ownOrganization(scope, p.id());
    }

    public static void requireRecord(DataScope scope, KnownPartyOrganization p) {
        if (!mayRecord(scope, p)) {
            throw new AccessDeniedException("Party organization " + p.id() + " is outside your data scope");
        }
    }

    public static boolean mayRead(DataScope scope, KnownMember m) {
        return scope.mayRead(m.street()) || ownOrganization(scope, m.partyOrganizationId());
    }

    /** Recording a member's attendance: admins any member, a street admin its street's, a secretary its organization's. */
    public static boolean mayRecord(DataScope scope, KnownMember m) {
        return scope.mayWrite(m.street()) || ownOrganization(scope, m.partyOrganizationId());
    }

    private static boolean ownOrganization(DataScope scope, String partyOrganizationId) {
        return scope.has(Role.BRANCH_SECRETARY) && scope.partyOrganizationId() != null
                && scope.partyOrganizationId().equals(partyOrganizationId);
    }

    /**
     * The scope of a report or list: what the caller asked for, narrowed to what they may see
     * (403 when they asked for something outside it). A secretary always gets their own party
     * organization.
     */
    public static ReportScope reportScope(DataScope scope, String street, String partyOrganizationId) {
        if (secretaryOnly(scope)) {
            String own = scope.partyOrganizationId();
            if (own == null || (partyOrganizationId != null && !partyOrganizationId.equals(own))) {
                throw new AccessDeniedException("Party organization " + partyOrganizationId + " is outside your data scope");
            }
            return new ReportScope(street, own);
        }
        return new ReportScope(scope.streetToRead(street), partyOrganizationId);
    }

    /**
     * The training courses a caller sees: district-wide readers every course (narrowed to a street if asked); a street
     * admin the district's own courses (no street: organized for the whole district, e.g. by 区委组织部) and its own
     * street's, never another street's (asking for another street is 403); a branch secretary likewise with the street
     * of its party organization ({@code streetOfOwnPartyOrganization}, {@code null} if unknown: the district's courses
     * only).
     */
    public static CourseScope courseScope(DataScope scope, String requestedStreet, String streetOfOwnPartyOrganization) {
        if (scope.districtWide()) {
            return new CourseScope(true, requestedStreet, false);
        }
        String own = scope.has(Role.STREET_ADMIN) && scope.street() != null ? scope.street()
                : scope.has(Role.BRANCH_SECRETARY) ? streetOfOwnPartyOrganization : null;
        if (requestedStreet != null && !requestedStreet.equals(own)) {
            throw new AccessDeniedException("Street " + requestedStreet + " is outside your data scope");
        }
        return new CourseScope(false, own, requestedStreet == null);
    }

    /**
     * Which courses: {@code every} (all streets, or {@code street} only when set); otherwise the courses of
     * {@code street}, and the district's own (no street) too when {@code withDistrictCourses}.
     */
    public record CourseScope(boolean every, String street, boolean withDistrictCourses) {

        public boolean includes(String courseStreet) {
            if (every) {
                return street == null || street.equals(courseStreet);
            }
            return (courseStreet == null && withDistrictCourses) || (courseStreet != null && courseStreet.equals(street));
        }
    }

    /** A street ({@code null}: every street) and a party organization ({@code null}: every one). */
    public record ReportScope(String street, String partyOrganizationId) {

        public boolean includes(KnownPartyOrganization p) {
            return (street == null || street.equals(p.street())) && (partyOrganizationId == null || partyOrganizationId.equals(p.id()));
        }

        public boolean includes(KnownMember m) {
            return (street == null || street.equals(m.street()))
                    && (partyOrganizationId == null || partyOrganizationId.equals(m.partyOrganizationId()));
        }
    }
}
