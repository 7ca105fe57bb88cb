package org.partybuilding.funding.ledger;

import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who reads which funding rows (API.md): finance (also the {@code district-finance} machine client) and the
 * district-wide roles read everything; a street admin its street's rows; a branch secretary its own party
 * organization's entries.
 */
public final class FundingScope {

    private FundingScope() {
    }

    public static boolean readsDistrict(DataScope scope) {
        return scope.districtWide() || scope.has(Role.FINANCE);
    }

    /** The street rows are limited to ({@code null}: all); 403 for a street admin asking for another street. */
    public static String street(DataScope scope, String requested) {
        if (readsDistrict(scope)) {
            return requested;
        }
        return scope.streetToRead(requested);
    }

    /** Whether the caller may read this entry (its history too): district-wide readers, its street's admin, its secretary. */
    public static boolean mayRead(DataScope scope, LedgerEntry entry) {
        return readsDistrict(scope)
                || scope.has(Role.STREET_ADMIN) && scope.street() != null && scope.street().equals(entry.street())
                || scope.has(Role.BRANCH_SECRETARY) && scope.partyOrganizationId() != null
                        && scope.partyOrganizationId().equals(entry.partyOrganizationId());
    }

    /** Ledger rows: a secretary is held to its own party organization; 403 when it asks for another. */
    public static String partyOrganization(DataScope scope, String requested) {
        if (readsDistrict(scope) || scope.has(Role.STREET_ADMIN)) {
            return requested;
        }
        if (scope.has(Role.BRANCH_SECRETARY) && scope.partyOrganizationId() != null) {
            if (requested != null && !requested.equals(scope.partyOrganizationId())) {
                throw new AccessDeniedException("Party organization " + requested + " is outside your data scope");
            }
            return scope.partyOrganizationId();
        }
        throw new AccessDeniedException("Your role does not read the funding ledger");
    }
}
