package org.partybuilding.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealmOverlayTest {

    private static final Path KEYCLOAK = LocalPlatform.findRepoRoot(Path.of("")).resolve("deploy/keycloak");

    private static JsonNode json(String text) throws Exception {
        return RealmOverlay.JSON.readTree(text);
    }

    @Test
    void objectsMergeArraysAppendScalarsAreReplaced() throws Exception {
        JsonNode base = json("{\"realm\":\"r\",\"passwordPolicy\":\"length(12)\",\"clients\":[{\"clientId\":\"a\"}],"
                + "\"attributes\":{\"x\":\"1\"}}");
        JsonNode overlay = json("{\"passwordPolicy\":\"\",\"clients\":[{\"clientId\":\"b\"}],\"users\":[{\"username\":\"u\"}],"
                + "\"attributes\":{\"y\":\"2\"}}");

        JsonNode merged = RealmOverlay.merge(base, overlay);

        assertThat(merged).isEqualTo(json("{\"realm\":\"r\",\"passwordPolicy\":\"\",\"clients\":[{\"clientId\":\"a\"},"
                + "{\"clientId\":\"b\"}],\"attributes\":{\"x\":\"1\",\"y\":\"2\"},\"users\":[{\"username\":\"u\"}]}"));
        assertThat(base.get("clients")).hasSize(1); // inputs unchanged
    }

    @Test
    void theProductionRealmHasNoPeopleAndNoScriptClient() throws Exception {
        JsonNode realm = RealmOverlay.JSON.readTree(KEYCLOAK.resolve("party-building-realm.json").toFile());

        for (JsonNode user : realm.path("users")) {
            assertThat(user.path("serviceAccountClientId").asText()).as(user.toString()).isNotEmpty();
            assertThat(user.has("credentials")).isFalse();
        }
        assertThat(clientIds(realm)).containsExactlyInAnyOrder("portal", "district-finance");
        assertThat(client(realm, "district-finance").path("secret").asText()).isEqualTo("${DISTRICT_FINANCE_CLIENT_SECRET}");
        assertThat(client(realm, "portal").path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
    }

    @Test
    void theLoginSpeaksChineseFirstAndEnglishOnRequest() throws Exception {
        // the realm (production and, merged, local): Keycloak's internationalization, zh-CN unless the user picks English
        for (JsonNode realm : List.of(RealmOverlay.JSON.readTree(KEYCLOAK.resolve("party-building-realm.json").toFile()),
                RealmOverlay.merge(RealmOverlay.JSON.readTree(KEYCLOAK.resolve("party-building-realm.json").toFile()),
                        RealmOverlay.JSON.readTree(KEYCLOAK.resolve("party-building-local.json").toFile())))) {
            assertThat(realm.path("internationalizationEnabled").asBoolean()).isTrue();
            assertThat(realm.path("defaultLocale").asText()).isEqualTo("zh-CN");
            assertThat(texts(realm.path("supportedLocales"))).containsExactly("zh-CN", "en");
            assertThat(realm.path("displayName").asText()).isEqualTo("社会组织党建平台");
        }
    }

    @Test
    void everyClientGetsTheAudienceAndDataScopeClaims() throws Exception {
        JsonNode realm = RealmOverlay.merge(
                RealmOverlay.JSON.readTree(KEYCLOAK.resolve("party-building-realm.json").toFile()),
                RealmOverlay.JSON.readTree(KEYCLOAK.resolve("party-building-local.json").toFile()));

        for (JsonNode client : realm.path("clients")) {
            assertThat(texts(client.path("defaultClientScopes"))).as(client.path("clientId").asText())
                    .contains("party-building-api", "roles", "basic");
        }
        JsonNode scope = null;
        for (JsonNode candidate : realm.path("clientScopes")) {
            if (candidate.path("name").asText().equals("party-building-api")) {
                scope = candidate;
            }
        }
        assertThat(scope).isNotNull();
        List<String> mappers = new ArrayList<>();
        scope.path("protocolMappers").forEach(m -> mappers.add(m.path("protocolMapper").asText() + ":"
                + m.path("config").path("included.custom.audience").asText(m.path("config").path("claim.name").asText())));
        assertThat(mappers).containsExactlyInAnyOrder("oidc-audience-mapper:party-building-api",
                "oidc-usermodel-attribute-mapper:street", "oidc-usermodel-attribute-mapper:party_org_id");
    }

    @Test
    void theUserProfileDeclaresTheScopeAttributesSoKeycloakKeepsThem() throws Exception {
        JsonNode realm = RealmOverlay.JSON.readTree(KEYCLOAK.resolve("party-building-realm.json").toFile());
        JsonNode component = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0);
        JsonNode profile = json(component.path("config").path("kc.user.profile.config").get(0).asText());

        List<String> attributes = new ArrayList<>();
        profile.path("attributes").forEach(a -> attributes.add(a.path("name").asText()));
        assertThat(attributes).contains("username", "email", "firstName", "lastName", "street", "party_org_id");
    }

    @Test
    void theLocalRealmAddsTheScriptClientAndOneDemoUserPerRole(@TempDir Path tmp) throws Exception {
        Path merged = tmp.resolve("import/party-building-realm.json");
        RealmOverlay.write(KEYCLOAK.resolve("party-building-realm.json"), KEYCLOAK.resolve("party-building-local.json"), merged);
        JsonNode realm = RealmOverlay.JSON.readTree(merged.toFile());

        assertThat(clientIds(realm)).containsExactlyInAnyOrder("portal", "district-finance", "platform-cli");
        assertThat(client(realm, "platform-cli").path("directAccessGrantsEnabled").asBoolean()).isTrue();
        List<String> roles = texts(realm.path("roles").path("realm"), "name");
        for (JsonNode user : realm.path("users")) {
            if (user.has("serviceAccountClientId")) {
                continue;
            }
            String name = user.path("username").asText();
            assertThat(roles).contains(name);
            assertThat(texts(user.path("realmRoles"))).containsExactly(name);
            assertThat(user.path("email").asText()).isNotEmpty();
            assertThat(user.path("firstName").asText()).isNotEmpty();
            assertThat(user.path("lastName").asText()).isNotEmpty();
            assertThat(user.path("emailVerified").asBoolean()).isTrue();
            assertThat(user.path("credentials").get(0).path("value").asText()).isEqualTo("demo");
        }
        assertThat(texts(realm.path("users"), "username")).containsAll(LocalPlatform.DEMO_USERS.keySet());
        JsonNode streetAdmin = null;
        for (JsonNode user : realm.path("users")) {
            if (user.path("username").asText().equals("street-admin")) {
                streetAdmin = user;
            }
        }
        assertThat(streetAdmin.path("attributes").path("street").get(0).asText()).isEqualTo("JIANSHE");
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static List<String> clientIds(JsonNode realm) {
        return texts(realm.path("clients"), "clientId");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
