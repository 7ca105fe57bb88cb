package org.partybuilding.platform.security;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;

import reactor.core.publisher.Mono;

/** Builds the {@link DataScope} of the authenticated caller. */
public final class DataScopes {

    private DataScopes() {
    }

    public static Mono<DataScope> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(DataScopes::of)
                .switchIfEmpty(Mono.error(() -> new AuthenticationCredentialsNotFoundException("Not authenticated")));
    }

    public static DataScope of(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                Role.ofRealmRole(name.substring(5)).ifPresent(roles::add);
            }
        }
        String street = null;
        String partyOrganization = null;
        String subject = authentication.getName();
        String client = null;
        if (authentication.getPrincipal() instanceof Jwt jwt) {
            street = blankToNull(jwt.getClaimAsString(KeycloakJwtAuthenticationConverter.STREET_CLAIM));
            partyOrganization = blankToNull(jwt.getClaimAsString(KeycloakJwtAuthenticationConverter.PARTY_ORGANIZATION_CLAIM));
            subject = jwt.getSubject();
            client = blankToNull(jwt.getClaimAsString("azp"));
        }
        return new DataScope(subject, authentication.getName(), roles, street, partyOrganization, client);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
