package org.partybuilding.registry.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partybuilding.registry.organization.OrganizationFixtures.body;
import static org.partybuilding.registry.organization.OrganizationFixtures.register;
import static org.partybuilding.registry.organization.OrganizationFixtures.token;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The audit trail (DOMAIN.md §6): each write keeps who, when, what and why in the organization's own document, in the
 * same write; the history for whoever may read the organization; the district-wide trail for district admins and
 * auditors, filtered and exported.
 */
@PlatformTest
class OrganizationAuditApiTest {

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    private static String as(String username, Role role, String street) {
        TestTokens builder = TestTokens.builder().role(role).username(username);
        if (street != null) {
            builder = builder.street(street);
        }
        return TestTokens.bearer(builder.build());
    }

    private String registered(String bearer, String street) {
        return register(web, body(street, OrganizationType.SOCIAL_GROUP), bearer).expectStatus().isCreated()
                .expectBody(OrganizationResponse.class).returnResult().getResponseBody().id();
    }

    private WebTestClient.BodyContentSpec history(String id, String bearer) {
        return web.get().uri("/api/registry/organizations/" + id + "/history").header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void registerUpdateDeregisterListsTheThreeWithTheirActorsNewestFirst() {
        String clerk = as("wang.clerk", Role.STREET_ADMIN, "JIANSHE");
        String id = registered(clerk, "JIANSHE");
        web.patch().uri("/api/registry/organizations/" + id).header(HttpHeaders.AUTHORIZATION, as("li.committee", Role.COMMITTEE_ADMIN, null))
                .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.valueOf("application/merge-patch+json"))
                .bodyValue(Map.of("employees", 30, "operatingStatus", "DIFFICULT")).exchange().expectStatus().isOk();
        web.post().uri("/api/registry/organizations/" + id + "/deregistration")
                .header(HttpHeaders.AUTHORIZATION, as("chen.district", Role.DISTRICT_ADMIN, null))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("date", "2025-01-10", "reason", "自行解散"))
                .exchange().expectStatus().isOk();

        history(id, clerk)
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items[0].action").isEqualTo("DEREGISTERED")
                .jsonPath("$.items[0].actor.username").isEqualTo("chen.district")
                .jsonPath("$.items[0].actor.roles[0]").isEqualTo("district-admin")
                .jsonPath("$.items[0].actor.client").isEqualTo("platform-cli")
                .jsonPath("$.items[0].reason").isEqualTo("自行解散")
                .jsonPath("$.items[0].changes[?(@.field == 'status')].after").isEqualTo(List.of("DEREGISTERED"))
                .jsonPath("$.items[1].action").isEqualTo("UPDATED")
                .jsonPath("$.items[1].actor.username").isEqualTo("li.committee")
                .jsonPath("$.items[1].changes.length()").isEqualTo(2)
                .jsonPath("$.items[1].changes[?(@.field == 'employees')].before").isEqualTo(List.of("20"))
                .jsonPath("$.items[1].changes[?(@.field == 'employees')].after").isEqualTo(List.of("30"))
                .jsonPath("$.items[2].action").isEqualTo("REGISTERED")
                .jsonPath("$.items[2].actor.username").isEqualTo("wang.clerk")
                .jsonPath("$.items[2].resource").isEqualTo("Organization")
                .jsonPath("$.items[2].resourceId").isEqualTo(id)
                .jsonPath("$.items[2].changes[?(@.field == 'legalRepresentative.name')].after").isEqualTo(List.of("王芳"))
                .jsonPath("$.items[2].changes[?(@.field == 'activeCreditCode')]").isEmpty();
    }

    @Test
    void aStreetAdminCannotReadAnotherStreetsHistory() {
        String id = registered(token(Role.DISTRICT_ADMIN), "HUALE");
        web.get().uri("/api/registry/organizations/" + id + "/history").header(HttpHeaders.AUTHORIZATION, as("x", Role.STREET_ADMIN, "JIANSHE"))
                .exchange().expectStatus().isNotFound();
        history(id, as("y", Role.STREET_ADMIN, "HUALE")).jsonPath("$.total").isEqualTo(1);
        history(id, token(Role.AUDITOR)).jsonPath("$.total").isEqualTo(1);
    }

    @Test
    void aWriteTheVersionGuardRefusesLeavesNoRecordAndNoChange() {
        String id = registered(token(Role.DISTRICT_ADMIN), "JIANSHE");
        web.patch().uri("/api/registry/organizations/" + id).header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN))
                .header(HttpHeaders.IF_MATCH, "\"7\"").contentType(MediaType.valueOf("application/merge-patch+json"))
                .bodyValue(Map.of("employees", 31)).exchange().expectStatus().isEqualTo(409);
        // an invalid change is refused before anything is written
        web.patch().uri("/api/registry/organizations/" + id).header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN))
                .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.valueOf("application/merge-patch+json"))
                .bodyValue(Map.of("fullTimeStaff", 999)).exchange().expectStatus().isBadRequest();
        Document stored = mongo.findById(id, Document.class, Organization.COLLECTION).block();
        assertThat(stored.getLong("version")).isEqualTo(1L);
        assertThat(stored.getList("history", Document.class)).hasSize(1);
        assertThat(stored.getInteger("employees")).isEqualTo(20);
    }

    @Test
    void theDistrictWideTrailFiltersByActorResourceAndTimeAndExports() {
        String user = "audit.filter." + System.nanoTime();
        String id = registered(as(user, Role.COMMITTEE_ADMIN, null), "DATANG");
        registered(token(Role.DISTRICT_ADMIN), "DATANG");
        String auditor = token(Role.AUDITOR);

        web.get().uri(u -> u.path("/api/registry/audit").queryParam("actor", user).build()).header(HttpHeaders.AUTHORIZATION, auditor)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].resourceId").isEqualTo(id)
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].action").isEqualTo("REGISTERED");
        web.get().uri(u -> u.path("/api/registry/audit").queryParam("actor", user).queryParam("resource", "Organization")
                        .queryParam("from", "2000-01-01").queryParam("to", "2999-12-31").build())
                .header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1);
        web.get().uri(u -> u.path("/api/registry/audit").queryParam("actor", user).queryParam("to", "2001-01-01").build())
                .header(HttpHeaders.AUTHORIZATION, auditor).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(0);
        web.get().uri(u -> u.path("/api/registry/audit").queryParam("actor", user).queryParam("resource", "Member").build())
                .header(HttpHeaders.AUTHORIZATION, auditor).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(0);
        web.get().uri(u -> u.path("/api/registry/audit").queryParam("resourceId", id).build())
                .header(HttpHeaders.AUTHORIZATION, auditor).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1);

        byte[] csv = web.get().uri(u -> u.path("/api/registry/audit").queryParam("actor", user).queryParam("format", "csv").build())
                .header(HttpHeaders.AUTHORIZATION, auditor).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("时间").contains(user).contains(id).contains("REGISTERED");
        assertThat(text.lines().count()).isEqualTo(2);
        web.get().uri(u -> u.path("/api/registry/audit").queryParam("actor", user).queryParam("format", "xlsx").build())
                .header(HttpHeaders.AUTHORIZATION, auditor).exchange().expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void theDistrictWideTrailIsForDistrictAdminsAndAuditorsOnly() {
        for (Role role : List.of(Role.COMMITTEE_ADMIN, Role.FINANCE, Role.BRANCH_SECRETARY)) {
            web.get().uri("/api/registry/audit").header(HttpHeaders.AUTHORIZATION, token(role)).exchange().expectStatus().isForbidden();
        }
        web.get().uri("/api/registry/audit").header(HttpHeaders.AUTHORIZATION, as("s", Role.STREET_ADMIN, "JIANSHE"))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/registry/audit").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/registry/audit?actr=x").header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR)).exchange()
                .expectStatus().isBadRequest();
    }
}
