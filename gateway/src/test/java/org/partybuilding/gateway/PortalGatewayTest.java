package org.partybuilding.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.partybuilding.gateway.portal.PortalPages;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The gateway as the portal's backend-for-frontend, without Keycloak: the portal's page sends a browser to the login
 * (authorization code with PKCE S256, state kept in an HttpOnly SameSite session cookie); a request without a session or
 * a token is 401 problem+json and sets no cookie; a write with a session cookie but without the CSRF token is refused
 * before any service sees it; bearer clients stay stateless; the portal's assets are fingerprinted and cached for a year,
 * the page itself never cached.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "platform.portal.client-secret=test-secret"})
@AutoConfigureWebTestClient
class PortalGatewayTest {

    static final StubService REGISTRY = StubService.start("registry");

    @DynamicPropertySource
    static void gatewayTargets(DynamicPropertyRegistry properties) {
        properties.add("platform.security.issuer-uri", () -> TestTokenIssuer.get().issuer());
        properties.add("platform.security.jwk-set-uri", () -> TestTokenIssuer.get().jwkSetUri());
        properties.add("platform.gateway.services.registry.uri", REGISTRY::uri);
        properties.add("platform.gateway.services.registry.health-uri", REGISTRY::healthUri);
    }

    @AfterAll
    static void stopStub() {
        REGISTRY.close();
    }

    @Autowired
    WebTestClient web;

    @Autowired
    PortalPages pages;

    @Test
    void thePortalSendsABrowserToKeycloakWithPkce() {
        web.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isFound()
                .expectHeader().location("/oauth2/authorization/keycloak");

        var login = web.get().uri("/oauth2/authorization/keycloak").exchange()
                .expectStatus().isFound()
                .returnResult(Void.class);
        URI keycloak = login.getResponseHeaders().getLocation();
        assertThat(keycloak.toString()).startsWith(TestTokenIssuer.get().issuer() + "/protocol/openid-connect/auth?");
        var query = UriComponentsBuilder.fromUri(keycloak).build().getQueryParams();
        assertThat(query.getFirst("response_type")).isEqualTo("code");
        assertThat(query.getFirst("client_id")).isEqualTo("portal");
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(query.getFirst("code_challenge")).isNotBlank();
        assertThat(query.getFirst("scope")).contains("openid");
        assertThat(query.getFirst("redirect_uri")).endsWith("/login/oauth2/code/keycloak");
        // the verifier and state wait in the server-side session; the browser holds only its cookie
        List<String> cookies = login.getResponseHeaders().get(HttpHeaders.SET_COOKIE);
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").containsIgnoringCase("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void withoutSessionOrTokenAnApiCallIs401ProblemAndSetsNoCookie() {
        String uri = "/api/registry/probe/" + UUID.randomUUID();
        GatewayTest.expectProblem(web.get().uri(uri).exchange(), 401);
        GatewayTest.expectProblem(web.get().uri("/auth/me").exchange(), 401);
        assertThat(REGISTRY.received(uri)).isEmpty();
    }

    @Test
    void aWriteWithTheSessionCookieButWithoutTheCsrfTokenIsRefusedBeforeAnyService() {
        String uri = "/api/registry/probe/" + UUID.randomUUID();
        web.post().uri(uri).cookie("SESSION", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isForbidden();
        web.post().uri("/logout").cookie("SESSION", UUID.randomUUID().toString()).exchange()
                .expectStatus().isForbidden();
        assertThat(REGISTRY.received(uri)).isEmpty();
    }

    @Test
    void bearerClientsStayStatelessAndMayAskWhoTheyAre() {
        String token = TestTokens.forRole(Role.AUDITOR);
        String uri = "/api/registry/probe/" + UUID.randomUUID();
        web.post().uri(uri).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody().jsonPath("$.authorization").isEqualTo(TestTokens.bearer(token));
        web.get().uri("/auth/me").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody()
                .jsonPath("$.roles[0]").isEqualTo("auditor")
                .jsonPath("$.district.streets.JIANSHE").isEqualTo("建设");
    }

    @Test
    void assetsAreFingerprintedAndCachedForAYear() {
        String fingerprint = pages.fingerprint();
        assertThat(fingerprint).matches("[0-9a-f]{16}");
        web.get().uri("/assets/" + fingerprint + "/main.js").exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches(HttpHeaders.CACHE_CONTROL, ".*max-age=31536000.*")
                .expectHeader().valueMatches(HttpHeaders.CACHE_CONTROL, ".*immutable.*");
        web.get().uri("/assets/0000000000000000/main.js").exchange().expectStatus().isNotFound();
        web.get().uri("/webjars/vue/3.5.26/dist/vue.esm-browser.prod.js").exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches(HttpHeaders.CACHE_CONTROL, ".*max-age=31536000.*");
        web.get().uri("/webjars/chart.js/4.5.1/dist/chart.umd.js").exchange().expectStatus().isOk();
    }

    @Test
    void everyModuleTheImportMapNamesIsServedAndSoAreTheImportTemplates() throws java.io.IOException {
        // the page as the gateway serves it to a logged-in browser
        String index;
        try (java.io.InputStream in = new org.springframework.core.io.ClassPathResource("portal/index.html").getInputStream()) {
            index = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("@assets@", "/assets/" + pages.fingerprint());
        }
        String map = index.substring(index.indexOf("<script type=\"importmap\">"), index.indexOf("</script>", index.indexOf("importmap")));
        java.util.regex.Matcher target = java.util.regex.Pattern.compile(":\\s*\"(/[^\"]+)\"").matcher(map);
        int targets = 0;
        while (target.find()) {
            web.get().uri(target.group(1)).exchange().expectStatus().isOk();
            targets++;
        }
        // Vue, Ant Design Vue and its Chinese locale with the parts it imports, the Babel helper
        assertThat(targets).isGreaterThanOrEqualTo(9);
        assertThat(map).contains("ant-design-vue").contains("zh_CN");
        String fingerprint = pages.fingerprint();
        for (String template : new String[] {"members.csv", "organizations.csv"}) {
            byte[] csv = web.get().uri("/assets/" + fingerprint + "/templates/" + template).exchange().expectStatus().isOk()
                    .expectBody(byte[].class).returnResult().getResponseBody();
            // UTF-8 with a byte-order mark, so Excel opens the Chinese headers
            assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
            assertThat(new String(csv, java.nio.charset.StandardCharsets.UTF_8)).contains("统一社会信用代码");
        }
    }

    @Test
    void theInboxAndAnnualReportPagesAreServedAndEveryInboxKindHasItsChineseLabel() throws java.io.IOException {
        String fingerprint = pages.fingerprint();
        for (String module : new String[] {"pages/inbox.js", "pages/annual.js", "xlsx.js"}) {
            web.get().uri("/assets/" + fingerprint + "/" + module).exchange().expectStatus().isOk();
        }
        String i18n;
        try (java.io.InputStream in = new org.springframework.core.io.ClassPathResource("portal/assets/i18n.js").getInputStream()) {
            i18n = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        // the kinds the services' inboxes answer (branch, member, training, funding), each with a Chinese label
        for (String kind : new String[] {"TERM_EXPIRED", "COMMITTEE_NOT_ELECTED", "SECRETARY_MISSING", "NEW_ORGANIZATION_WITHOUT_COVERAGE",
                "JOINT_PLAN_UNTOUCHED", "APPLICANT_TALK_OVERDUE", "ACTIVIST_ELIGIBLE_FOR_TARGET", "PROBATION_ENDING", "MOBILE_TRANSFER_DUE",
                "TRANSFER_REQUIRED", "DUES_ARREARS", "MEETING_OWED", "GRANT_PENDING", "ALLOCATION_PENDING"}) {
            assertThat(i18n).containsPattern(java.util.regex.Pattern.quote(kind) + ": \\['\\p{IsHan}");
        }
        String main;
        try (java.io.InputStream in = new org.springframework.core.io.ClassPathResource("portal/assets/main.js").getInputStream()) {
            main = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(main).contains("id: 'inbox'").contains("id: 'annual'");
        assertThat(i18n).contains("'nav.inbox': '待办'").contains("'nav.annual': '年度报告'");
    }
}
