package org.partybuilding.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.TestTokenIssuer;
import org.partybuilding.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The district-finance machine client is rate-limited on its own (here: 2 at once, barely refilled); people are not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"management.server.port=0",
        "platform.gateway.client-rate-limits.clients.district-finance.burst=2",
        "platform.gateway.client-rate-limits.clients.district-finance.per-second=0.01"})
@AutoConfigureWebTestClient
class ClientRateLimitTest {

    static final StubService FUNDING = StubService.start("funding");

    @DynamicPropertySource
    static void gatewayTargets(DynamicPropertyRegistry properties) {
        properties.add("platform.security.issuer-uri", () -> TestTokenIssuer.get().issuer());
        properties.add("platform.security.jwk-set-uri", () -> TestTokenIssuer.get().jwkSetUri());
        properties.add("platform.gateway.services.funding.uri", FUNDING::uri);
        properties.add("platform.gateway.services.funding.health-uri", FUNDING::healthUri);
    }

    @AfterAll
    static void stopStub() {
        FUNDING.close();
    }

    @Autowired
    WebTestClient web;

    @Test
    void theMachineClientGets429WithRetryAfterPastItsBudgetWhileAPersonWithTheSameRoleDoesNot() {
        String machine = TestTokens.bearer(TestTokens.builder().role(Role.FINANCE).username("service-account-district-finance")
                .client("district-finance").build());
        String person = TestTokens.bearer(TestTokens.forRole(Role.FINANCE));
        String uri = "/api/funding/reports?fiscalYear=2026&groupBy=street";
        for (int i = 0; i < 2; i++) {
            web.get().uri(uri).header(HttpHeaders.AUTHORIZATION, machine).exchange().expectStatus().isOk();
        }
        web.get().uri(uri).header(HttpHeaders.AUTHORIZATION, machine).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.status").isEqualTo(429);
        assertThat(FUNDING.received(uri)).hasSize(2);
        for (int i = 0; i < 5; i++) {
            web.get().uri(uri).header(HttpHeaders.AUTHORIZATION, person).exchange().expectStatus().isOk();
        }
    }
}
