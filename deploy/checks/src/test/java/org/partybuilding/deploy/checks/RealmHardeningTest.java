package org.partybuilding.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The production realm, as compose imports it (deploy/keycloak/party-building-realm.json) and as the Keycloak operator
 * imports it (deploy/k8s/base/realm-import.yaml), is hardened alike (issue 24): brute-force detection without
 * permanent lockout, a password policy, 15-minute access tokens with rotating refresh tokens, no people; the
 * administrator's credentials only from secrets; the portal's session cookie Secure by default in compose.
 */
class RealmHardeningTest {

    private static JsonNode composeRealm() throws Exception {
        return Yamls.JSON.readTree(Repository.read("deploy/keycloak/party-building-realm.json"));
    }

    private static JsonNode operatorRealm() {
        return Yamls.documents(Repository.read("deploy/k8s/base/realm-import.yaml")).stream()
                .filter(d -> "KeycloakRealmImport".equals(d.path("kind").asText())).findFirst().orElseThrow()
                .path("spec").path("realm");
    }

    @Test
    void bothProductionRealmsDetectBruteForceRequireStrongPasswordsAndRotateShortTokens() throws Exception {
        for (JsonNode realm : List.of(composeRealm(), operatorRealm())) {
            assertThat(realm.path("realm").asText()).isEqualTo("party-building");
            assertThat(realm.path("bruteForceProtected").asBoolean()).as("brute-force detection").isTrue();
            assertThat(realm.path("permanentLockout").asBoolean(true)).as("no permanent lockout").isFalse();
            assertThat(realm.path("failureFactor").asInt(99)).as("failures before a wait").isBetween(3, 10);
            assertThat(realm.path("waitIncrementSeconds").asInt()).isPositive();
            String policy = realm.path("passwordPolicy").asText();
            assertThat(policy).contains("length(12)", "upperCase(1)", "lowerCase(1)", "digits(1)", "notUsername",
                    "passwordHistory(");
            assertThat(realm.path("accessTokenLifespan").asInt(Integer.MAX_VALUE)).as("access token seconds").isBetween(60, 900);
            assertThat(realm.path("revokeRefreshToken").asBoolean()).as("refresh tokens rotate").isTrue();
            assertThat(realm.path("refreshTokenMaxReuse").asInt(1)).isZero();
            assertThat(realm.path("ssoSessionIdleTimeout").asInt(Integer.MAX_VALUE)).isLessThanOrEqualTo(1800);
            assertThat(realm.path("sslRequired").asText()).isIn("external", "all");
            for (JsonNode user : realm.path("users")) {
                assertThat(user.path("username").asText()).as("only service accounts, no people").startsWith("service-account-");
                assertThat(user.has("credentials")).as("no passwords in the realm").isFalse();
            }
        }
        assertThat(composeRealm().path("passwordPolicy").asText()).isEqualTo(operatorRealm().path("passwordPolicy").asText());
    }

    @Test
    void theAdministratorsCredentialsComeFromSecretsOnly() {
        JsonNode keycloak = Yamls.tree(Repository.read("deploy/compose.yaml")).path("services").path("keycloak");
        for (String variable : List.of("KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD")) {
            String value = keycloak.path("environment").path(variable).asText();
            assertThat(value).as(variable).matches("\\$\\{[A-Z_]+:\\?.*}");
        }
        JsonNode cr = Yamls.documents(Repository.read("deploy/k8s/base/keycloak.yaml")).stream()
                .filter(d -> "Keycloak".equals(d.path("kind").asText())).findFirst().orElseThrow();
        assertThat(cr.at("/spec/bootstrapAdmin/user/secret").asText()).as("the operator's bootstrap admin").isNotBlank();
        assertThat(Repository.read("deploy/k8s/base/keycloak.yaml")).doesNotContain("KC_BOOTSTRAP_ADMIN_PASSWORD");
    }

    @Test
    void thePortalSessionCookieIsSecureByDefault() {
        JsonNode gateway = Yamls.tree(Repository.read("deploy/compose.yaml")).path("services").path("gateway");
        assertThat(gateway.path("environment").path("PORTAL_SECURE_COOKIE").asText()).isEqualTo("${PORTAL_SECURE_COOKIE:-true}");
        assertThat(Repository.read("deploy/.env.example")).contains("PORTAL_SECURE_COOKIE=true");
        assertThat(Repository.read("deploy/k8s/base/platform-config.yaml")).contains("PORTAL_SECURE_COOKIE: 'true'");
    }
}
