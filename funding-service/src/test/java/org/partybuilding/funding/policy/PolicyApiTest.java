package org.partybuilding.funding.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code /api/funding/policies/{year}}; each test uses its own fiscal year, the context is shared. */
@PlatformTest
class PolicyApiTest {

    private static final Map<String, String> VALID = Map.of("perMemberYuan", "90.00", "startupYuan", "900.00");

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @BeforeEach
    void patientClient() {
        // The first authenticated request of a context fetches the JWKS and opens MongoDB connections;
        // on a busy two-core machine that can exceed WebTestClient's default 5 s.
        web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static String bearer(Role role) {
        return TestTokens.bearer(TestTokens.forRole(role));
    }

    private WebTestClient.ResponseSpec get(int year, Role role) {
        return web.get().uri("/api/funding/policies/{year}", year).header(HttpHeaders.AUTHORIZATION, bearer(role)).exchange();
    }

    private WebTestClient.ResponseSpec put(Object year, Object body, String ifMatch, Role role) {
        WebTestClient.RequestBodySpec request = web.put().uri("/api/funding/policies/{year}", year)
                .header(HttpHeaders.AUTHORIZATION, bearer(role)).contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.bodyValue(body).exchange();
    }

    private long stored(int year) {
        return mongo.count(Query.query(Criteria.where("_id").is(year)), FundingPolicy.class).block();
    }

    private static void isProblem(WebTestClient.ResponseSpec response, int status) {
        response.expectStatus().isEqualTo(status).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status);
    }

    @Test
    void aYearNobodySetHasTheConfiguredDefaultsAsDecimalStrings() {
        // finance is the role of the district-finance machine client.
        String body = get(2026, Role.FINANCE).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("\"fiscalYear\":2026", "\"perMemberYuan\":\"100.00\"", "\"startupYuan\":\"1000.00\"",
                "\"source\":\"DEFAULT\"", "\"version\":0", "\"updatedAt\":null", "\"updatedBy\":null");
        assertThat(stored(2026)).isZero();
    }

    @Test
    void theDistrictAdminSetsAYearAndEveryRoleReadsIt() {
        put(2030, Map.of("perMemberYuan", "120", "startupYuan", "1500.5"), "\"0\"", Role.DISTRICT_ADMIN)
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody()
                .jsonPath("$.perMemberYuan").isEqualTo("120.00")
                .jsonPath("$.startupYuan").isEqualTo("1500.50")
                .jsonPath("$.source").isEqualTo("SET")
                .jsonPath("$.updatedBy").isEqualTo("district-admin")
                .jsonPath("$.updatedAt").exists();

        for (Role reader : Role.values()) {
            get(2030, reader).expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                    .expectBody()
                    .jsonPath("$.fiscalYear").isEqualTo(2030)
                    .jsonPath("$.perMemberYuan").isEqualTo("120.00")
                    .jsonPath("$.startupYuan").isEqualTo("1500.50");
        }
        // Other years keep their defaults.
        get(2029, Role.FINANCE).expectStatus().isOk().expectBody().jsonPath("$.perMemberYuan").isEqualTo("100.00");

        put(2030, Map.of("perMemberYuan", "130.00", "startupYuan", "1500.50"), "\"1\"", Role.DISTRICT_ADMIN)
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        get(2030, Role.AUDITOR).expectBody().jsonPath("$.perMemberYuan").isEqualTo("130.00").jsonPath("$.version").isEqualTo(2);
    }

    @Test
    void amountsAreStoredAsExactDecimals() {
        put(2031, Map.of("perMemberYuan", "0.1", "startupYuan", "1000"), "\"0\"", Role.DISTRICT_ADMIN).expectStatus().isOk();
        Document raw = mongo.findById(2031, Document.class, FundingPolicy.COLLECTION).block();
        assertThat(raw.get("perMemberYuan")).isEqualTo(Decimal128.parse("0.10"));
        assertThat(raw.get("startupYuan")).isEqualTo(Decimal128.parse("1000.00"));
    }

    @Test
    void onceSetAPutWithoutIfMatchIs428AndChangesNothing() {
        put(2032, VALID, "\"0\"", Role.DISTRICT_ADMIN).expectStatus().isOk();
        isProblem(put(2032, Map.of("perMemberYuan", "1.00", "startupYuan", "1.00"), null, Role.DISTRICT_ADMIN), 428);
        get(2032, Role.FINANCE).expectBody().jsonPath("$.perMemberYuan").isEqualTo("90.00").jsonPath("$.version").isEqualTo(1);
    }

    @Test
    void aYearStillOnTheDefaultsAlsoNeedsIfMatch() {
        isProblem(put(2033, VALID, null, Role.DISTRICT_ADMIN), 428);
        assertThat(stored(2033)).isZero();
    }

    @Test
    void aStaleIfMatchIs409AndChangesNothing() {
        put(2034, VALID, "\"0\"", Role.DISTRICT_ADMIN).expectStatus().isOk();
        put(2034, Map.of("perMemberYuan", "95.00", "startupYuan", "900.00"), "\"1\"", Role.DISTRICT_ADMIN).expectStatus().isOk();

        isProblem(put(2034, Map.of("perMemberYuan", "1.00", "startupYuan", "1.00"), "\"1\"", Role.DISTRICT_ADMIN), 409);
        // A second "first" policy of the year is stale too: someone set it meanwhile.
        put(2034, Map.of("perMemberYuan", "1.00", "startupYuan", "1.00"), "\"0\"", Role.DISTRICT_ADMIN)
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("The 2034 funding policy is at version 2, not 0; read it again and retry");
        put(2034, Map.of("perMemberYuan", "1.00", "startupYuan", "1.00"), "\"7\"", Role.DISTRICT_ADMIN).expectStatus().isEqualTo(409);
        // The ETag of a year nobody set is "0"; any other version is stale and stores nothing.
        put(2035, VALID, "\"3\"", Role.DISTRICT_ADMIN).expectStatus().isEqualTo(409);
        assertThat(stored(2035)).isZero();

        get(2034, Role.FINANCE).expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.perMemberYuan").isEqualTo("95.00");
    }

    @Test
    void onlyTheDistrictAdminChangesThePolicy() {
        for (Role role : new Role[] {Role.COMMITTEE_ADMIN, Role.FINANCE, Role.AUDITOR, Role.STREET_ADMIN, Role.BRANCH_SECRETARY}) {
            isProblem(put(2036, VALID, "\"0\"", role), 403);
        }
        assertThat(stored(2036)).isZero();
    }

    @Test
    void withoutATokenIs401() {
        isProblem(web.get().uri("/api/funding/policies/2026").exchange(), 401);
        isProblem(web.put().uri("/api/funding/policies/2037").header(HttpHeaders.IF_MATCH, "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(VALID).exchange(), 401);
        assertThat(stored(2037)).isZero();
    }

    @Test
    void badAmountsAre400NamingTheFieldAndStoreNothing() {
        for (String bad : new String[] {"12.345", "-1", "abc", "1e2", ""}) {
            put(2038, Map.of("perMemberYuan", bad, "startupYuan", "1000.00"), "\"0\"", Role.DISTRICT_ADMIN)
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors.length()").isEqualTo(1)
                    .jsonPath("$.errors[0].field").isEqualTo("perMemberYuan");
            put(2038, Map.of("perMemberYuan", "100.00", "startupYuan", bad), "\"0\"", Role.DISTRICT_ADMIN)
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("startupYuan");
        }
        put(2038, Map.of("perMemberYuan", "12.345", "startupYuan", "-1"), "\"0\"", Role.DISTRICT_ADMIN)
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'perMemberYuan')].message").isEqualTo("must have at most 2 decimals (the fen)")
                .jsonPath("$.errors[?(@.field == 'startupYuan')].message").isEqualTo("must not be negative");
        put(2038, Map.of("startupYuan", "1000.00"), "\"0\"", Role.DISTRICT_ADMIN)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("perMemberYuan");
        put(2038, "{\"perMemberYuan\": ", "\"0\"", Role.DISTRICT_ADMIN)
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        isProblem(put(2038, VALID, "\"latest\"", Role.DISTRICT_ADMIN), 400);
        assertThat(stored(2038)).isZero();
        get(2038, Role.FINANCE).expectBody().jsonPath("$.source").isEqualTo("DEFAULT");
    }

    @Test
    void yearsOutsideTheConfiguredRangeAre400NamingTheYear() {
        for (int year : new int[] {1999, 2101, 0}) {
            get(year, Role.FINANCE).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("year");
            put(year, VALID, "\"0\"", Role.DISTRICT_ADMIN).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("year");
            assertThat(stored(year)).isZero();
        }
        put("next-year", VALID, "\"0\"", Role.DISTRICT_ADMIN).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("year");
        web.get().uri("/api/funding/policies/2026.5").header(HttpHeaders.AUTHORIZATION, bearer(Role.FINANCE)).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void aJsonNumberIsReadByItsExactText() {
        put(2039, "{\"perMemberYuan\": 100.5, \"startupYuan\": 1000}", "\"0\"", Role.DISTRICT_ADMIN)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.perMemberYuan").isEqualTo("100.50").jsonPath("$.startupYuan").isEqualTo("1000.00");
        put(2040, "{\"perMemberYuan\": 0.125, \"startupYuan\": 1000}", "\"0\"", Role.DISTRICT_ADMIN)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("perMemberYuan");
    }

    @Test
    void theOpenApiDocumentDescribesThePolicy() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/funding/policies/{year}'].get").exists()
                .jsonPath("$.paths['/api/funding/policies/{year}'].put").exists()
                .jsonPath("$.components.schemas.PolicyResponse.properties.perMemberYuan.type").isEqualTo("string");
    }
}
