package org.partybuilding.systemtests;

import java.util.Map;

/** Real tokens from the platform's Keycloak: the password grant on platform-cli, client credentials for district-finance. */
final class Tokens {

    private final String tokenEndpoint;

    Tokens(String keycloakUrl) {
        this.tokenEndpoint = keycloakUrl + "/realms/party-building/protocol/openid-connect/token";
    }

    String user(String username) {
        Http.Response response = Http.postForm(tokenEndpoint, Map.of(
                "grant_type", "password", "client_id", "platform-cli", "username", username, "password", "demo"));
        return accessToken(response, username);
    }

    String districtFinanceClient() {
        Http.Response response = Http.postForm(tokenEndpoint, Map.of(
                "grant_type", "client_credentials", "client_id", "district-finance", "client_secret", "demo-finance-secret"));
        return accessToken(response, "district-finance");
    }

    private static String accessToken(Http.Response response, String who) {
        if (response.status() != 200) {
            throw new IllegalStateException("No token for " + who + ": " + response.status() + " " + response.raw().body());
        }
        return response.json().get("access_token").asString();
    }
}
