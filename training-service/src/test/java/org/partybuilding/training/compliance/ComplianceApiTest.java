package org.partybuilding.training.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.security.Role;
import org.partybuilding.training.TrainingApiTestBase;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Rule 12 through the API on a hand-computed year, 2025, of a party organization with a committee
 * (established 2024-07-01): general meetings in March, August, November and December (none in the
 * second quarter), committee meetings every month, party lessons in February (by the secretary),
 * May, September and December, themed party days every month but August, the organizational life
 * meeting and the democratic appraisal in January, no theme practice, two group meetings (not
 * required: party groups are not known).
 */
class ComplianceApiTest extends TrainingApiTestBase {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private String po;

    private void record(String kind, String heldOn, List<String> attendees, String lecturer) {
        Map<String, Object> body = activity(po, kind, heldOn, attendees);
        if (lecturer != null) {
            body.put("lecturerMemberId", lecturer);
        }
        post("/api/training/activities", body, secretary(po)).expectStatus().isCreated();
    }

    private void theYear() {
        String secretaryId = id("sec");
        po = id("po");
        List<String> committee = List.of(secretaryId, id("cm"), id("cm"));
        established(partyOrganization(po, 1, "JIANSHE", "ACTIVE", secretaryId, committee));
        for (String c : committee) {
            announced(member(c, 1, po, "JIANSHE", "FORMAL", "ACTIVE"));
        }
        List<String> all = new ArrayList<>(committee);
        all.addAll(members(po, "JIANSHE", 3));
        for (String month : List.of("03", "08", "11", "12")) {
            record("GENERAL_MEETING", "2025-" + month + "-10", all, null);
        }
        for (int m = 1; m <= 12; m++) {
            String month = String.format("%02d", m);
            record("COMMITTEE_MEETING", "2025-" + month + "-05", committee, null);
            if (m != 8) {
                record("THEMED_PARTY_DAY", "2025-" + month + "-01", all, null);
            }
        }
        record("GROUP_MEETING", "2025-04-20", all.subList(3, 6), null);
        record("GROUP_MEETING", "2025-05-20", all.subList(3, 6), null);
        record("PARTY_LESSON", "2025-02-14", all, secretaryId);
        record("PARTY_LESSON", "2025-05-14", all, all.get(1));
        record("PARTY_LESSON", "2025-09-14", all, null);
        record("PARTY_LESSON", "2025-12-14", all, null);
        record("ORGANIZATIONAL_LIFE_MEETING", "2025-01-20", all, null);
        record("DEMOCRATIC_APPRAISAL", "2025-01-21", all, null);
    }

    private WebTestClient.BodyContentSpec report(String query, String bearer) {
        return get("/api/training/compliance?" + query, bearer).expectStatus().isOk().expectBody();
    }

    private static String requirement(String name) {
        return "$.partyOrganizations[0].requirements[?(@.requirement == '" + name + "')]";
    }

    @Test
    void aHandComputedYearAndItsQuarters() {
        theYear();
        report("year=2025&partyOrganizationId=" + po, token(Role.COMMITTEE_ADMIN))
                .jsonPath("$.period").isEqualTo("2025")
                .jsonPath("$.partyOrganizations.length()").isEqualTo(1)
                .jsonPath("$.partyOrganizations[0].status").isEqualTo("BEHIND")
                .jsonPath("$.partyOrganizations[0].committee").isEqualTo(true)
                .jsonPath("$.partyOrganizations[0].missing").isEqualTo(
                        List.of("GENERAL_MEETING 2025-Q2", "THEMED_PARTY_DAY 2025-08", "THEME_PRACTICE 2025"))
                .jsonPath(requirement("GENERAL_MEETING") + ".required").isEqualTo(List.of(4))
                .jsonPath(requirement("GENERAL_MEETING") + ".met").isEqualTo(List.of(3))
                .jsonPath(requirement("GENERAL_MEETING") + ".held").isEqualTo(List.of(4))
                .jsonPath(requirement("COMMITTEE_MEETING") + ".met").isEqualTo(List.of(12))
                .jsonPath(requirement("COMMITTEE_MEETING") + ".status").isEqualTo(List.of("COMPLIANT"))
                .jsonPath(requirement("GROUP_MEETING") + ".status").isEqualTo(List.of("NOT_REQUIRED"))
                .jsonPath(requirement("GROUP_MEETING") + ".held").isEqualTo(List.of(2))
                .jsonPath(requirement("PARTY_LESSON") + ".met").isEqualTo(List.of(4))
                .jsonPath(requirement("SECRETARY_PARTY_LESSON") + ".met").isEqualTo(List.of(1))
                .jsonPath(requirement("SECRETARY_PARTY_LESSON") + ".held").isEqualTo(List.of(1))
                .jsonPath(requirement("THEMED_PARTY_DAY") + ".required").isEqualTo(List.of(12))
                .jsonPath(requirement("THEMED_PARTY_DAY") + ".met").isEqualTo(List.of(11))
                .jsonPath(requirement("THEME_PRACTICE") + ".status").isEqualTo(List.of("BEHIND"))
                .jsonPath("$.total.partyOrganizations").isEqualTo(1)
                .jsonPath("$.total.behind").isEqualTo(1)
                .jsonPath("$.total.complianceRate").isEqualTo(0.0)
                .jsonPath("$.total.requirements.COMMITTEE_MEETING.required").isEqualTo(12);

        // The second quarter is behind: no general meeting; yearly activities are not due in it.
        report("year=2025&quarter=2&partyOrganizationId=" + po, token(Role.AUDITOR))
                .jsonPath("$.from").isEqualTo("2025-04-01").jsonPath("$.to").isEqualTo("2025-06-30")
                .jsonPath("$.partyOrganizations[0].status").isEqualTo("BEHIND")
                .jsonPath("$.partyOrganizations[0].missing").isEqualTo(List.of("GENERAL_MEETING 2025-Q2"))
                .jsonPath(requirement("COMMITTEE_MEETING") + ".required").isEqualTo(List.of(3))
                .jsonPath(requirement("THEME_PRACTICE") + ".required").isEqualTo(List.of(0));
        report("year=2025&quarter=3&partyOrganizationId=" + po, streetAdmin("JIANSHE"))
                .jsonPath("$.partyOrganizations[0].missing").isEqualTo(List.of("THEMED_PARTY_DAY 2025-08"));
        report("year=2025&quarter=1&partyOrganizationId=" + po, secretary(po))
                .jsonPath("$.partyOrganizations[0].status").isEqualTo("COMPLIANT")
                .jsonPath("$.total.complianceRate").isEqualTo(1.0);
        report("year=2025&quarter=4&partyOrganizationId=" + po, secretary(po))
                .jsonPath("$.partyOrganizations[0].missing").isEqualTo(List.of("THEME_PRACTICE 2025"))
                .jsonPath(requirement("GENERAL_MEETING") + ".held").isEqualTo(List.of(2));
        report("year=2025&status=COMPLIANT&partyOrganizationId=" + po, token(Role.DISTRICT_ADMIN))
                .jsonPath("$.partyOrganizations.length()").isEqualTo(0).jsonPath("$.total.partyOrganizations").isEqualTo(1);

        byte[] csv = web.get().uri("/api/training/compliance?year=2025&partyOrganizationId=" + po)
                .header(HttpHeaders.AUTHORIZATION, token(Role.COMMITTEE_ADMIN)).accept(MediaType.parseMediaType("text/csv")).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("GENERAL_MEETING met/required", po, "BEHIND", "3/4", "11/12",
                "GENERAL_MEETING 2025-Q2; THEMED_PARTY_DAY 2025-08; THEME_PRACTICE 2025");
        web.get().uri("/api/training/compliance?year=2025&partyOrganizationId=" + po)
                .header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR)).accept(MediaType.parseMediaType(XLSX)).exchange()
                .expectStatus().isOk().expectHeader().contentType(XLSX);
    }

    @Test
    void streetsAndScopes() {
        String jianshe = partyOrganization("JIANSHE");
        String dongshan = partyOrganization("DONGSHAN");
        report("year=2025", streetAdmin("DONGSHAN"))
                .jsonPath("$.streets[*].street").isEqualTo(List.of("DONGSHAN"))
                .jsonPath("$.streets[0].streetName").isEqualTo("东山")
                .jsonPath("$.partyOrganizations[?(@.partyOrganizationId == '" + dongshan + "')]").exists()
                .jsonPath("$.partyOrganizations[?(@.partyOrganizationId == '" + jianshe + "')]").doesNotExist();
        report("year=2025", token(Role.DISTRICT_ADMIN))
                .jsonPath("$.streets[?(@.street == 'JIANSHE')]").exists()
                .jsonPath("$.streets[?(@.street == 'DONGSHAN')]").exists();
        report("year=2025", secretary(jianshe)).jsonPath("$.partyOrganizations.length()").isEqualTo(1)
                .jsonPath("$.partyOrganizations[0].partyOrganizationId").isEqualTo(jianshe)
                // Nothing recorded in 2025: every requirement owed is missing.
                .jsonPath("$.partyOrganizations[0].status").isEqualTo("BEHIND")
                .jsonPath(requirement("THEMED_PARTY_DAY") + ".missing[0]").isEqualTo("2025-01")
                .jsonPath(requirement("COMMITTEE_MEETING") + ".status").isEqualTo(List.of("NOT_REQUIRED"));

        // Without an Accept header the report is JSON.
        web.get().uri("/api/training/compliance?year=2025&partyOrganizationId=" + jianshe)
                .header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR)).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);

        // A committee elected later (a newer version from branch-service): committee meetings are now owed.
        established(partyOrganization(jianshe, 2, "JIANSHE", "ACTIVE", "m-sec", List.of("m-sec", "m-c1", "m-c2")));
        report("year=2025", secretary(jianshe))
                .jsonPath(requirement("COMMITTEE_MEETING") + ".required").isEqualTo(List.of(12))
                .jsonPath(requirement("COMMITTEE_MEETING") + ".status").isEqualTo(List.of("BEHIND"));
        // An older version replayed afterwards changes nothing.
        events.publish(org.partybuilding.events.EventType.PARTY_ORGANIZATION_ESTABLISHED,
                partyOrganization(jianshe, 1, "JIANSHE", "ACTIVE", null, List.of()));
        String marker = partyOrganization("JIANSHE");
        assertThat(directory.partyOrganization(marker)).isPresent();
        assertThat(directory.partyOrganization(jianshe).orElseThrow().hasCommittee()).isTrue();

        get("/api/training/compliance?year=2025&street=JIANSHE", streetAdmin("DONGSHAN")).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        get("/api/training/compliance?year=2025&partyOrganizationId=" + dongshan, secretary(jianshe)).expectStatus().isForbidden();
        get("/api/training/compliance?year=2025", token(Role.FINANCE)).expectStatus().isForbidden();
        web.get().uri("/api/training/compliance?year=2025").exchange().expectStatus().isUnauthorized();
        get("/api/training/compliance?year=1999", token(Role.AUDITOR)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("year");
        get("/api/training/compliance?year=2025&quarter=5", token(Role.AUDITOR)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("quarter");
        get("/api/training/compliance?year=2025&status=LATE", token(Role.AUDITOR)).expectStatus().isBadRequest();
    }
}
