package org.partybuilding.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@PlatformTest
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class SecurityAndProblemDetailsTest {

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    org.partybuilding.platform.district.FiscalYears fiscalYears;

    @Test
    void theFiscalCalendarOfThePlatformDefaultsClosesEveryEarlierYear() {
        // platform.fiscal-years.previous-year-open-until is empty unless the environment sets it
        assertThat(fiscalYears.previousYearOpenUntil()).isNull();
        assertThat(fiscalYears.closed(2025, java.time.LocalDate.of(2026, 1, 2))).isTrue();
    }

    private WebTestClient.ResponseSpec get(String path, String token) {
        return web.get().uri(path).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)).exchange();
    }

    @Test
    void noTokenIs401ProblemJson() {
        web.get().uri("/api/sample/scope").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.title").isEqualTo("Unauthorized");
    }

    @Test
    void tokensWithWrongIssuerAudienceKeyOrExpiryAreRefused() {
        String[] bad = {
                TestTokens.builder().role(Role.DISTRICT_ADMIN).expired().build(),
                TestTokens.builder().role(Role.DISTRICT_ADMIN).issuer("http://evil.example/realms/party-building").build(),
                TestTokens.builder().role(Role.DISTRICT_ADMIN).audience("some-other-api").build(),
                TestTokens.builder().role(Role.DISTRICT_ADMIN).signedWithUnknownKey().build(),
                "not-a-jwt"};
        for (String token : bad) {
            get("/api/sample/scope", token).expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void realmRolesAndScopeClaimsBecomeTheDataScope() {
        String token = TestTokens.builder().role(Role.STREET_ADMIN).street("JIANSHE").username("jianshe-admin").build();
        get("/api/sample/scope", token).expectStatus().isOk().expectBody()
                .jsonPath("$.roles[0]").isEqualTo("STREET_ADMIN")
                .jsonPath("$.street").isEqualTo("JIANSHE")
                .jsonPath("$.username").isEqualTo("jianshe-admin");
    }

    @Test
    void aRoleWithoutWriteRightsIs403ProblemJsonAndStoresNothing() {
        web.post().uri("/api/sample/widgets").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.forRole(Role.FINANCE)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"x\",\"street\":\"JIANSHE\"}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "widgets").block()).isZero();
    }

    @Test
    void aStreetAdminWritingAnotherStreetIs403() {
        String token = TestTokens.builder().role(Role.STREET_ADMIN).street("JIANSHE").build();
        web.post().uri("/api/sample/widgets").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"x\",\"street\":\"DONGSHAN\",\"employees\":1}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void validationFailuresNameTheFields() {
        web.post().uri("/api/sample/widgets").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.forRole(Role.COMMITTEE_ADMIN)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"\",\"street\":\"JIANSHE\",\"employees\":-1}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'employees')]").exists();
    }

    @Test
    void malformedJsonAndWrongTypesAre400NamingTheField() {
        String admin = TestTokens.bearer(TestTokens.forRole(Role.COMMITTEE_ADMIN));
        web.post().uri("/api/sample/widgets").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": ")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
        web.post().uri("/api/sample/widgets").header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"x\",\"street\":\"JIANSHE\",\"employees\":\"many\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("employees")
                .jsonPath("$.errors[0].message").isEqualTo("'many' is not a valid whole number");
    }

    @Test
    void unknownIdIs404AndADomainRuleIs422NamingTheRule() {
        String admin = TestTokens.forRole(Role.COMMITTEE_ADMIN);
        get("/api/sample/widgets/nope", admin).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.instance").isEqualTo("/api/sample/widgets/nope");
        web.post().uri("/api/sample/rule").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(admin)).exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.rule").isEqualTo("RULE_1_SINGLE_NEEDS_THREE_FORMAL_MEMBERS")
                .jsonPath("$.facts.formalMembers").isEqualTo(2);
    }

    @Test
    void anUnexpectedFailureIs500WithoutInternals() {
        String body = get("/api/sample/boom", TestTokens.forRole(Role.COMMITTEE_ADMIN))
                .expectStatus().is5xxServerError()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContain("secret internal detail").doesNotContain("IllegalStateException").doesNotContain("at org.");
    }

    @Test
    void aDatabaseThatDoesNotAnswerIs503WithRetryAfter() {
        get("/api/sample/database-timeout", TestTokens.forRole(Role.COMMITTEE_ADMIN))
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody().jsonPath("$.type").isEqualTo("https://partybuilding.org/problems/service-unavailable")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).doesNotContain("Mongo", "server"));
    }

    @Test
    void aClientThatHungUpIsNotAnErrorInTheLog(org.springframework.boot.test.system.CapturedOutput output) {
        get("/api/sample/hang-up", TestTokens.forRole(Role.COMMITTEE_ADMIN)).expectStatus().isEqualTo(499);
        assertThat(output.getAll()).doesNotContain("Unexpected failure of GET /api/sample/hang-up");
        get("/api/sample/boom", TestTokens.forRole(Role.COMMITTEE_ADMIN)).expectStatus().isEqualTo(500);
        assertThat(output.getAll()).contains("Unexpected failure of GET /api/sample/boom");
    }

    @Test
    void apiRequestsCreateNoSession() {
        get("/api/sample/scope", TestTokens.forRole(Role.AUDITOR)).expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
    }

    @Test
    void problemsFromFiltersCarryOnlyTheRfc9457MembersAnd404sDoNotQuoteTheUrl() {
        String unauthorized = web.get().uri("/api/sample/scope").exchange().expectStatus().isUnauthorized()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(unauthorized).contains("\"type\"", "\"title\"", "\"status\"", "\"detail\"", "\"instance\"")
                .doesNotContain("properties");
        String notFound = get("/api/sample/nothing-here", TestTokens.forRole(Role.AUDITOR)).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(notFound).doesNotContain("http://").doesNotContain("localhost").doesNotContain("127.0.0.1");
    }

    @Test
    void apiDocsArePublic() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().is2xxSuccessful();
    }

    @Test
    void anUnknownQueryParameterIs400NamingItNeverEverything() {
        String token = TestTokens.forRole(Role.DISTRICT_ADMIN);
        get("/api/sample/widgets?street=JIANSHE", token).expectStatus().isOk();
        get("/api/sample/widgets?stret=JIANSHE&street=JIANSHE", token).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("stret")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("street"))
                .jsonPath("$.errors.length()").isEqualTo(1);
        get("/api/sample/scope?page=1", token).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("page");
    }
}
