package org.partybuilding.systemtests;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The local realm's admin API (master realm's {@code admin}/{@code admin}, local only): logins and clients a test class
 * makes for itself, so that it changes nothing another class relies on (the demo users stay as they are).
 */
final class KeycloakAdmin {

    private final String keycloakUrl;
    private final String realmUrl;

    KeycloakAdmin(String keycloakUrl) {
        this.keycloakUrl = keycloakUrl;
        this.realmUrl = keycloakUrl + "/admin/realms/party-building";
    }

    /** A token of the master realm's {@code admin} (also what an attacker holding another realm's token would try). */
    String masterToken() {
        Http.Response response = Http.postForm(keycloakUrl + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
        if (response.status() != 200) {
            throw new IllegalStateException("no master token: " + response.status() + " " + response.raw().body());
        }
        return response.json().get("access_token").asString();
    }

    /** A login with password {@code demo}, one realm role and the given attributes (street, party_org_id). */
    void user(String username, String realmRole, Map<String, String> attributes) {
        String bearer = masterToken();
        Map<String, Object> attrs = new java.util.LinkedHashMap<>();
        attributes.forEach((k, v) -> attrs.put(k, List.of(v)));
        Http.Response created = Http.send("POST", realmUrl + "/users", bearer, Map.of("Content-Type", "application/json"),
                Http.JSON.writeValueAsBytes(Map.of("username", username, "enabled", true, "emailVerified", true,
                        "firstName", username, "lastName", "security", "email", username + "@example.invalid",
                        "attributes", attrs, "requiredActions", List.of(),
                        "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false)))));
        require(created, 201, 409);
        String id = Http.get(realmUrl + "/users?exact=true&username=" + username, bearer).json().get(0).get("id").asString();
        JsonNode role = Http.get(realmUrl + "/roles/" + realmRole, bearer).json();
        require(Http.send("POST", realmUrl + "/users/" + id + "/role-mappings/realm", bearer,
                Map.of("Content-Type", "application/json"), Http.JSON.writeValueAsBytes(List.of(role))), 204);
    }

    /**
     * A public client with the password grant, like {@code platform-cli}; with {@code apiAudience} false without the
     * {@code party-building-api} scope (so its tokens lack the platform's audience); {@code accessTokenSeconds} its
     * tokens' lifespan (0: the realm's).
     */
    void passwordClient(String clientId, boolean apiAudience, int accessTokenSeconds) {
        String bearer = masterToken();
        Map<String, Object> attributes = accessTokenSeconds > 0
                ? Map.of("access.token.lifespan", String.valueOf(accessTokenSeconds)) : Map.of();
        Http.Response created = Http.send("POST", realmUrl + "/clients", bearer, Map.of("Content-Type", "application/json"),
                Http.JSON.writeValueAsBytes(Map.of("clientId", clientId, "enabled", true, "publicClient", true,
                        "directAccessGrantsEnabled", true, "standardFlowEnabled", false, "protocol", "openid-connect",
                        "attributes", attributes)));
        require(created, 201, 409);
        String id = Http.get(realmUrl + "/clients?clientId=" + clientId, bearer).json().get(0).get("id").asString();
        String apiScope = null;
        for (JsonNode scope : Http.get(realmUrl + "/client-scopes", bearer).json()) {
            if (scope.get("name").asString().equals("party-building-api")) {
                apiScope = scope.get("id").asString();
            }
        }
        boolean has = false;
        for (JsonNode scope : Http.get(realmUrl + "/clients/" + id + "/default-client-scopes", bearer).json()) {
            has |= scope.get("id").asString().equals(apiScope);
        }
        if (has != apiAudience) {
            require(Http.send(apiAudience ? "PUT" : "DELETE", realmUrl + "/clients/" + id + "/default-client-scopes/" + apiScope,
                    bearer, Map.of(), null), 204);
        }
    }

    /** A password-grant token of {@code username} (password demo) from {@code clientId}. */
    String token(String clientId, String username) {
        Http.Response response = Http.postForm(keycloakUrl + "/realms/party-building/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", clientId, "username", username, "password", "demo"));
        if (response.status() != 200) {
            throw new IllegalStateException("no token for " + username + " from " + clientId + ": " + response.status()
                    + " " + response.raw().body());
        }
        return response.json().get("access_token").asString();
    }

    private static void require(Http.Response response, int... statuses) {
        for (int status : statuses) {
            if (response.status() == status) {
                return;
            }
        }
        throw new IllegalStateException("Keycloak admin API answered " + response.status() + ": " + response.raw().body());
    }
}
