package org.partybuilding.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.security.SecurityEvents;
import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.TestTokens;
import org.partybuilding.registry.organization.OrganizationFixtures;
import org.partybuilding.registry.organization.OrganizationType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Refused requests are security events (issue 24): 401, 403 and the 404 that hides another street's record are logged
 * with the actor, path and reason, never the token, and counted in {@code platform.security.refused}.
 */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityEventsApiTest {

    @Autowired
    WebTestClient web;

    @Autowired
    MeterRegistry registry;

    private double refused(String status, String reason) {
        var counter = registry.find(SecurityEvents.METRIC).tag("status", status).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void refusedRequestsAreLoggedWithActorPathAndReasonAndCounted(CapturedOutput output) {
        double anonymous = refused("401", "unauthenticated");
        double invalid = refused("401", "invalid_token");
        double role = refused("403", "role");
        double scope = refused("403", "scope");
        double hidden = refused("404", "hidden_out_of_scope");
        double genuine404 = refused("404", "role");

        web.get().uri("/api/registry/organizations").exchange().expectStatus().isUnauthorized();
        String forged = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0.";
        web.get().uri("/api/registry/organizations").header(HttpHeaders.AUTHORIZATION, "Bearer " + forged).exchange()
                .expectStatus().isUnauthorized();
        String finance = TestTokens.bearer(TestTokens.builder().role(Role.FINANCE).username("probe.finance").build());
        OrganizationFixtures.register(web, OrganizationFixtures.body("JIANSHE", OrganizationType.SOCIAL_GROUP), finance)
                .expectStatus().isForbidden();
        String jianshe = TestTokens.bearer(TestTokens.builder().role(Role.STREET_ADMIN).street("JIANSHE").username("probe.jianshe").build());
        web.get().uri("/api/registry/organizations?street=HUALE").header(HttpHeaders.AUTHORIZATION, jianshe).exchange()
                .expectStatus().isForbidden();
        String other = OrganizationFixtures.registered(web, "HUALE", OrganizationType.SOCIAL_GROUP).id();
        web.get().uri("/api/registry/organizations/" + other).header(HttpHeaders.AUTHORIZATION, jianshe).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/registry/organizations/no-such-id").header(HttpHeaders.AUTHORIZATION, jianshe).exchange()
                .expectStatus().isNotFound();

        assertThat(refused("401", "unauthenticated")).isEqualTo(anonymous + 1);
        assertThat(refused("401", "invalid_token")).isEqualTo(invalid + 1);
        assertThat(refused("403", "role") + refused("403", "scope")).isEqualTo(role + scope + 2);
        assertThat(refused("404", "hidden_out_of_scope")).isEqualTo(hidden + 1);
        assertThat(refused("404", "role")).isEqualTo(genuine404);

        assertThat(output.getAll())
                .contains("security event: 401 GET /api/registry/organizations refused for anonymous")
                .contains("security event: 403 POST /api/registry/organizations refused for")
                .contains("(probe.finance)")
                .contains("security event: 404 GET /api/registry/organizations/" + other + " refused for")
                .contains("(probe.jianshe)")
                .doesNotContain(forged)
                .doesNotContain("security event: 404 GET /api/registry/organizations/no-such-id");
    }
}
