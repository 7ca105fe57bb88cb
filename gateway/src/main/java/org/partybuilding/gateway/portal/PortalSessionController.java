package org.partybuilding.gateway.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partybuilding.platform.district.District;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * {@code GET /auth/me}: who the portal's user is, as the services will see them (the roles and data-scope claims
 * of the access token the gateway relays, checked like any other token), and the district's streets and
 * industries for the portal's filters and forms. The tokens themselves never leave the gateway.
 */
@RestController
class PortalSessionController {

    private final ReactiveOAuth2AuthorizedClientManager authorizedClients;
    private final ReactiveJwtDecoder jwtDecoder;
    private final District district;

    PortalSessionController(ReactiveOAuth2AuthorizedClientManager authorizedClients, ReactiveJwtDecoder jwtDecoder,
            District district) {
        this.authorizedClients = authorizedClients;
        this.jwtDecoder = jwtDecoder;
        this.district = district;
    }

    @GetMapping("/auth/me")
    Mono<Map<String, Object>> me(Authentication authentication, ServerWebExchange exchange) {
        Mono<Jwt> accessToken = authentication instanceof JwtAuthenticationToken bearer
                ? Mono.just(bearer.getToken())
                // the session's token, refreshed first when it expired (as TokenRelay does before relaying it)
                : authorizedClients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(PortalSecurityConfiguration.REGISTRATION_ID)
                                .principal(authentication).attribute(ServerWebExchange.class.getName(), exchange).build())
                        .flatMap(client -> jwtDecoder.decode(client.getAccessToken().getTokenValue()));
        return accessToken.map(this::describe);
    }

    private Map<String, Object> describe(Jwt token) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("username", token.getClaimAsString("preferred_username"));
        me.put("name", token.getClaimAsString("name"));
        Map<String, Object> realmAccess = token.getClaimAsMap("realm_access");
        Object roles = realmAccess == null ? null : realmAccess.get("roles");
        me.put("roles", roles instanceof List<?> list ? list : List.of());
        me.put("street", token.getClaimAsString("street"));
        me.put("partyOrgId", token.getClaimAsString("party_org_id"));
        Map<String, Object> districtInfo = new LinkedHashMap<>();
        districtInfo.put("code", district.code());
        districtInfo.put("name", district.name());
        districtInfo.put("streets", district.streets());
        districtInfo.put("industries", district.industries());
        districtInfo.put("industryNames", district.industryNames());
        me.put("district", districtInfo);
        return me;
    }
}
