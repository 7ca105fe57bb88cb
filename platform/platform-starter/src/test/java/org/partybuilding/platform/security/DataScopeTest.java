package org.partybuilding.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

class DataScopeTest {

    private static DataScope scope(Set<Role> roles, String street, String partyOrganization) {
        return new DataScope("sub", "user", roles, street, partyOrganization);
    }

    @Test
    void districtRolesSeeEveryStreetButOnlyAdminsWrite() {
        DataScope auditor = scope(Set.of(Role.AUDITOR), null, null);
        assertThat(auditor.mayRead("JIANSHE")).isTrue();
        assertThat(auditor.mayWrite("JIANSHE")).isFalse();
        assertThat(auditor.seesPersonalData("JIANSHE", "po-1")).isFalse();

        DataScope committee = scope(Set.of(Role.COMMITTEE_ADMIN), null, null);
        assertThat(committee.mayWrite("DONGSHAN")).isTrue();
        assertThat(committee.seesPersonalData("DONGSHAN", null)).isTrue();
    }

    @Test
    void aStreetAdminIsConfinedToItsStreet() {
        DataScope jianshe = scope(Set.of(Role.STREET_ADMIN), "JIANSHE", null);
        assertThat(jianshe.mayRead("JIANSHE")).isTrue();
        assertThat(jianshe.mayRead("DONGSHAN")).isFalse();
        assertThat(jianshe.mayWrite("DONGSHAN")).isFalse();
        assertThat(jianshe.seesPersonalData("JIANSHE", null)).isTrue();
        assertThatThrownBy(() -> jianshe.requireWrite("DONGSHAN")).isInstanceOf(AccessDeniedException.class);
        // Without its street claim a street admin sees nothing rather than everything.
        assertThat(scope(Set.of(Role.STREET_ADMIN), null, null).mayRead(null)).isFalse();
    }

    @Test
    void listsAcrossStreetsAreLimitedToTheCallersStreet() {
        assertThat(scope(Set.of(Role.AUDITOR), null, null).streetToRead(null)).isNull();
        assertThat(scope(Set.of(Role.COMMITTEE_ADMIN), null, null).streetToRead("HUALE")).isEqualTo("HUALE");
        DataScope jianshe = scope(Set.of(Role.STREET_ADMIN), "JIANSHE", null);
        assertThat(jianshe.streetToRead(null)).isEqualTo("JIANSHE");
        assertThat(jianshe.streetToRead("JIANSHE")).isEqualTo("JIANSHE");
        assertThatThrownBy(() -> jianshe.streetToRead("HUALE")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> scope(Set.of(Role.FINANCE), null, null).streetToRead(null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aSecretarySeesPersonalDataOfItsOwnPartyOrganizationOnly() {
        DataScope secretary = scope(Set.of(Role.BRANCH_SECRETARY), null, "po-7");
        assertThat(secretary.seesPersonalData("JIANSHE", "po-7")).isTrue();
        assertThat(secretary.seesPersonalData("JIANSHE", "po-8")).isFalse();
        assertThat(secretary.mayRead("JIANSHE")).isFalse();
        assertThatThrownBy(() -> secretary.requireAny(Role.DISTRICT_ADMIN, Role.FINANCE))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("district-admin");
    }

    @Test
    void keycloakRealmRolesAndScopeClaimsBecomeTheScope() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("u-1")
                .claim("preferred_username", "jianshe")
                .claim("realm_access", Map.of("roles", List.of("street-admin", "offline_access")))
                .claim("street", "JIANSHE")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();

        DataScope scope = DataScopes.of(new KeycloakJwtAuthenticationConverter().convert(jwt));

        assertThat(scope.roles()).containsExactly(Role.STREET_ADMIN);
        assertThat(scope.street()).isEqualTo("JIANSHE");
        assertThat(scope.username()).isEqualTo("jianshe");
        assertThat(scope.subject()).isEqualTo("u-1");
        assertThat(scope.partyOrganizationId()).isNull();
    }
}
