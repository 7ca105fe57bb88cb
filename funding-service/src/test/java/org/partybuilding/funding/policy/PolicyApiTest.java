package org.partybuilding.funding.policy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@PlatformTest
class PolicyApiTest {

    @Autowired
    WebTestClient web;

    private static String token(Role role) {
        return TestTokens.bearer(TestTokens.forRole(role));
    }

    private WebTestClient.ResponseSpec put(int year, Object body, String ifMatch, Role role) {
        var request = web.put().uri("/api/funding/policies/" + year).header(HttpHeaders.AUTHORIZATION, token(role))
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.bodyValue(body).exchange();
    }

    private WebTestClient.BodyContentSpec get(int year, Role role) {
        return web.get().uri("/api/funding/policies/" + year).header(HttpHeaders.AUTHORIZATION, token(role))
                .exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void aYearNobodySetHasTheConfiguredDefaultsAsDecimalStrings() {
        web.get().uri("/api/funding/policies/2026").header(HttpHeaders.AUTHORIZATION, token(Role.FINANCE))
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody()
                .jsonPath("$.fiscalYear").isEqualTo(2026)
                .jsonPath("$.perMemberYuan").isEqualTo("100.00")
                .jsonPath("$.startupYuan").isEqualTo("1000.00")
                .jsonPath("$.source").isEqualTo("DEFAULT");
    }

    @Test
    void theDistrictAdminSetsAYearsPolicyWithIfMatch() {
        put(2030, Map.of("perMemberYuan", "120", "startupYuan", "1500.50"), "\"0\"", Role.DISTRICT_ADMIN)
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
        get(2030, Role.AUDITOR).jsonPath("$.perMemberYuan").isEqualTo("120.00").jsonPath("$.startupYuan").isEqualTo("1500.50")
                .jsonPath("$.source").isEqualTo("SET");

        put(2030, Map.of("perMemberYuan", "130.00", "startupYuan", "1500.50"), "\"1\"", Role.DISTRICT_ADMIN)
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        // Stale: someone changed it since version 1.
        put(2030, Map.of("perMemberYuan", "1.00", "startupYuan", "1.00"), "\"1\"", Role.DISTRICT_ADMIN)
                .expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        // A second "first" write of the year is stale too.
        put(2030, Map.of("perMemberYuan", "1.00", "startupYuan", "1.00"), "\"0\"", Role.DISTRICT_ADMIN)
                .expectStatus().isEqualTo(409);
        get(2030, Role.FINANCE).jsonPath("$.perMemberYuan").isEqualTo("130.00");
    }

    @Test
    void withoutIfMatchIs428AndNothingChanges() {
        put(2031, Map.of("perMemberYuan", "90.00", "startupYuan", "900.00"), null, Role.DISTRICT_ADMIN)
                .expectStatus().isEqualTo(428).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        get(2031, Role.FINANCE).jsonPath("$.source").isEqualTo("DEFAULT");
    }

    @Test
    void onlyTheDistrictAdminChangesPolicy() {
        put(2032, Map.of("perMemberYuan", "90.00", "startupYuan", "900.00"), "\"0\"", Role.COMMITTEE_ADMIN)
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        put(2032, Map.of("perMemberYuan", "90.00", "startupYuan", "900.00"), "\"0\"", Role.FINANCE).expectStatus().isForbidden();
        get(2032, Role.STREET_ADMIN).jsonPath("$.source").isEqualTo("DEFAULT");
        web.get().uri("/api/funding/policies/2032").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void badAmountsAndYearsAre400NamingTheFieldAndStoreNothing() {
        put(2033, Map.of("perMemberYuan", "12.345", "startupYuan", "-1"), "\"0\"", Role.DISTRICT_ADMIN)
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'perMemberYuan')]").exists()
                .jsonPath("$.errors[?(@.field == 'startupYuan')]").exists();
        put(2033, Map.of("perMemberYuan", "abc", "startupYuan", "1000.00"), "\"0\"", Role.DISTRICT_ADMIN)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("perMemberYuan");
        get(2033, Role.FINANCE).jsonPath("$.source").isEqualTo("DEFAULT");

        web.get().uri("/api/funding/policies/1899").header(HttpHeaders.AUTHORIZATION, token(Role.FINANCE))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("year");
        web.get().uri("/api/funding/policies/soon").header(HttpHeaders.AUTHORIZATION, token(Role.FINANCE))
                .exchange().expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        put(2033, Map.of("perMemberYuan", "1.00", "startupYuan", "1.00"), "\"x\"", Role.DISTRICT_ADMIN)
                .expectStatus().isBadRequest();
    }
}
