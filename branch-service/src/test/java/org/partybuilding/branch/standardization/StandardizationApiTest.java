package org.partybuilding.branch.standardization;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.branch.BranchApiTestBase;
import org.partybuilding.platform.security.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** {@code GET /api/branches/standardization} (street DENGFENG). */
class StandardizationApiTest extends BranchApiTestBase {

    private void patch(String id, Object body) {
        web.patch().uri("/api/branches/" + id).header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk();
    }

    @Test
    void sixHavesRatingsWeakOrganizationsAndTermsDue() {
        register("st-a", "DENGFENG");
        register("st-b", "DENGFENG");
        register("st-c", "DENGFENG");
        members("st-a", "DENGFENG", 3, 0);
        members("st-b", "DENGFENG", 3, 0);
        members("st-c", "DENGFENG", 3, 0);
        String a = established(establishment("登峰甲党支部", "BRANCH", "SINGLE", "DENGFENG", "st-a"));
        String b = established(establishment("登峰乙党支部", "BRANCH", "SINGLE", "DENGFENG", "st-b"));
        Map<String, Object> old = establishment("登峰丙党支部", "BRANCH", "SINGLE", "DENGFENG", "st-c");
        old.put("establishedOn", "2022-05-01");
        established(old);
        patch(a, Map.of("rating", "MODEL", "sixHaves", Map.of("plaque", true, "flag", true, "activityRoom", true,
                "archiveCabinet", true, "avEquipment", true, "publicityBoard", true)));
        patch(b, Map.of("rating", "WEAK", "sixHaves", Map.of("plaque", true)));

        StandardizationReport report = get("/api/branches/standardization?street=DENGFENG", bearer(Role.AUDITOR)).expectStatus().isOk()
                .expectBody(StandardizationReport.class).returnResult().getResponseBody();
        assertThat(report.partyOrganizations()).isEqualTo(3);
        assertThat(report.meetingAllSixHaves()).isEqualTo(1);
        assertThat(report.shareMeetingAllSixHaves()).isEqualByComparingTo(new BigDecimal("0.3333"));
        assertThat(report.sixHaves()).containsEntry("plaque", 2).containsEntry("flag", 1).containsEntry("publicityBoard", 1);
        assertThat(report.ratings()).containsEntry("MODEL", 1).containsEntry("WEAK", 1).containsEntry("UNRATED", 1)
                .containsEntry("STANDARD", 0);
        assertThat(report.weak()).singleElement().satisfies(line -> assertThat(line.partyOrganizationId()).isEqualTo(b));
        assertThat(report.termsDue()).singleElement().satisfies(line -> {
            assertThat(line.name()).isEqualTo("登峰丙党支部");
            assertThat(line.termEndsOn()).hasToString("2025-05-01");
        });

        get("/api/branches/standardization", streetAdmin("DENGFENG")).expectStatus().isOk().expectBody()
                .jsonPath("$.partyOrganizations").isEqualTo(3);
        get("/api/branches/standardization?street=JIANSHE", streetAdmin("DENGFENG")).expectStatus().isForbidden();
        get("/api/branches/standardization", bearer(Role.FINANCE)).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        get("/api/branches/standardization", secretaryOf(a)).expectStatus().isForbidden();
        get("/api/branches/standardization?street=ATLANTIS", bearer(Role.AUDITOR)).expectStatus().isBadRequest();
    }
}
