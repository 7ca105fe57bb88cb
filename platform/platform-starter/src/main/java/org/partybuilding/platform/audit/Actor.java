package org.partybuilding.platform.audit;

import java.util.List;

import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;

/**
 * Who made a change: the token's subject and user name with the realm roles held then, and the OAuth client it
 * came through ({@code null} where not known). Changes a service makes by itself in reaction to another service's
 * event have a {@link #system system} actor.
 */
public record Actor(String subject, String username, List<String> roles, String client) {

    public static final String SYSTEM_PREFIX = "system:";

    public Actor {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** The caller of a request. */
    public static Actor of(DataScope scope) {
        return new Actor(scope.subject(), scope.username(), scope.roles().stream().sorted().map(Role::realmRole).toList(),
                scope.client());
    }

    /** A change a service makes itself, e.g. on another service's event: {@code name} says what made it. */
    public static Actor system(String name) {
        return new Actor(SYSTEM_PREFIX + name, name, List.of(), null);
    }

    public boolean system() {
        return subject != null && subject.startsWith(SYSTEM_PREFIX);
    }
}
