package org.partybuilding.platform.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who is calling and what part of the district they may see: their roles plus the {@code street}
 * and {@code party_org_id} claims, and the OAuth client the token was issued to ({@code azp}; {@code null} where not
 * known), which the audit trail records. Services check it on every read and write.
 */
public record DataScope(String subject, String username, Set<Role> roles, String street, String partyOrganizationId,
        String client) {

    public DataScope {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** A scope whose OAuth client is not known. */
    public DataScope(String subject, String username, Set<Role> roles, String street, String partyOrganizationId) {
        this(subject, username, roles, street, partyOrganizationId, null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        return Arrays.stream(candidates).anyMatch(roles::contains);
    }

    /** Sees every street: district and committee admins, auditors (and finance, for funding figures). */
    public boolean districtWide() {
        return hasAny(Role.DISTRICT_ADMIN, Role.COMMITTEE_ADMIN, Role.AUDITOR);
    }

    /** May read records that belong to {@code recordStreet}. */
    public boolean mayRead(String recordStreet) {
        return districtWide() || (has(Role.STREET_ADMIN) && street != null && street.equals(recordStreet));
    }

    /** May change records that belong to {@code recordStreet} (auditors read only). */
    public boolean mayWrite(String recordStreet) {
        return hasAny(Role.DISTRICT_ADMIN, Role.COMMITTEE_ADMIN)
                || (has(Role.STREET_ADMIN) && street != null && street.equals(recordStreet));
    }

    /** Whether ID numbers and phone numbers of a person in this street and party organization are shown unmasked. */
    public boolean seesPersonalData(String recordStreet, String recordPartyOrganizationId) {
        return hasAny(Role.DISTRICT_ADMIN, Role.COMMITTEE_ADMIN)
                || (has(Role.STREET_ADMIN) && street != null && street.equals(recordStreet))
                || (has(Role.BRANCH_SECRETARY) && partyOrganizationId != null
                        && partyOrganizationId.equals(recordPartyOrganizationId));
    }

    /**
     * The street a list or report across streets is limited to: what was asked for ({@code null} =
     * every street) for district-wide readers; a street admin's own street, 403 if another was asked
     * for; 403 for every other role.
     */
    public String streetToRead(String requestedStreet) {
        if (districtWide()) {
            return requestedStreet;
        }
        if (has(Role.STREET_ADMIN) && street != null) {
            if (requestedStreet != null && !requestedStreet.equals(street)) {
                throw new AccessDeniedException("Street " + requestedStreet + " is outside your data scope");
            }
            return street;
        }
        throw new AccessDeniedException("Your role does not read across streets");
    }

    /** Throws 403 unless the caller has one of the roles. */
    public DataScope requireAny(Role... candidates) {
        if (!hasAny(candidates)) {
            throw new AccessDeniedException("Requires one of the roles " + Arrays.toString(
                    Arrays.stream(candidates).map(Role::realmRole).toArray()));
        }
        return this;
    }

    /** Throws 403 unless the caller may write records of that street. */
    public DataScope requireWrite(String recordStreet) {
        if (!mayWrite(recordStreet)) {
            throw new AccessDeniedException("Outside your data scope: street " + recordStreet);
        }
        return this;
    }
}
