package org.partybuilding.registry.organization;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Registration bodies with valid, distinct credit codes, and tokens, for the API tests. */
public final class OrganizationFixtures {

    private static final AtomicInteger SERIAL = new AtomicInteger(100);

    private OrganizationFixtures() {
    }

    public static String token(Role role) {
        return TestTokens.bearer(TestTokens.forRole(role));
    }

    public static String streetAdmin(String street) {
        return TestTokens.bearer(TestTokens.builder().role(Role.STREET_ADMIN).street(street).build());
    }

    public static Map<String, Object> body(String street, OrganizationType type) {
        int serial = SERIAL.incrementAndGet();
        Map<String, Object> body = new HashMap<>();
        body.put("name", "越秀区社区服务中心" + serial);
        body.put("creditCode", CreditCodeTest.valid(type, serial));
        body.put("type", type.name());
        body.put("registrationLevel", "DISTRICT");
        body.put("registeredOn", "2024-03-01");
        body.put("supervisoryUnit", "越秀区民政局");
        body.put("industry", "SOCIAL_SERVICE");
        body.put("street", street);
        body.put("address", "越秀区建设大马路18号");
        body.put("legalRepresentative", Map.of("name", "王芳", "partyMember", true));
        body.put("employees", 20);
        body.put("fullTimeStaff", 12);
        body.put("operatingStatus", "NORMAL");
        return body;
    }

    public static WebTestClient.ResponseSpec register(WebTestClient web, Map<String, Object> body, String bearer) {
        return web.post().uri("/api/registry/organizations").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    public static OrganizationResponse registered(WebTestClient web, String street, OrganizationType type) {
        return registered(web, body(street, type));
    }

    public static OrganizationResponse registered(WebTestClient web, Map<String, Object> body) {
        return register(web, body, token(Role.DISTRICT_ADMIN)).expectStatus().isCreated()
                .expectBody(OrganizationResponse.class).returnResult().getResponseBody();
    }
}
