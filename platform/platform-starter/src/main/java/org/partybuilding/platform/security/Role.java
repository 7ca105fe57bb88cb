package org.partybuilding.platform.security;

import java.util.Arrays;
import java.util.Optional;

/** The realm roles of API.md. Authorities are {@code ROLE_<realm role>}, e.g. {@code ROLE_street-admin}. */
public enum Role {

    /** 区委组织部: everything. */
    DISTRICT_ADMIN("district-admin"),
    /** 社会组织党工委: everything except changing funding policy. */
    COMMITTEE_ADMIN("committee-admin"),
    /** 街道党工委: read/write within its street. */
    STREET_ADMIN("street-admin"),
    /** 党组织书记: its own party organization. */
    BRANCH_SECRETARY("branch-secretary"),
    /** 区财政局: funding figures only. */
    FINANCE("finance"),
    /** 检查考核: reads everything, personal data masked. */
    AUDITOR("auditor");

    private final String realmRole;

    Role(String realmRole) {
        this.realmRole = realmRole;
    }

    public String realmRole() {
        return realmRole;
    }

    public String authority() {
        return "ROLE_" + realmRole;
    }

    /** The realm role names of {@code roles}, for a service's {@code ApiAuthorization}: {@code hasAnyRole(realmRoles(...))}. */
    public static String[] realmRoles(Role... roles) {
        return Arrays.stream(roles).map(Role::realmRole).toArray(String[]::new);
    }

    public static Optional<Role> ofRealmRole(String realmRole) {
        return Arrays.stream(values()).filter(r -> r.realmRole.equals(realmRole)).findFirst();
    }
}
