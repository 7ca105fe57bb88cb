package org.partybuilding.training.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.security.Role;
import org.partybuilding.training.TrainingApiTestBase;
import org.springframework.http.MediaType;

/**
 * Training courses in scope: a street admin and a branch secretary see the district's courses (no street, organized
 * for the whole district, e.g. by 区委组织部) and their own street's, never another street's: asking for another street
 * is 403, reading another street's course is 404. District-wide readers see every course.
 */
class SessionScopeApiTest extends TrainingApiTestBase {

    private static Map<String, Object> course(String title, String organizer) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "kind", "PARTY_MEMBER_TRAINING", "organizer", organizer,
                "startsOn", "2026-04-01", "endsOn", "2026-04-02", "hours", "8"));
        body.put("location", "党群服务中心");
        return body;
    }

    private String created(Map<String, Object> body, String bearer) {
        return post("/api/training/sessions", body, bearer).expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("id").toString();
    }

    @SuppressWarnings("unchecked")
    private List<String> listed(String query, String bearer) {
        Map<String, Object> page = get("/api/training/sessions?size=200" + query, bearer).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().map(item -> item.get("id").toString()).toList();
    }

    @Test
    void aStreetAdminAndASecretarySeeTheDistrictsCoursesAndTheirOwnStreetsNeverAnothers() {
        String district = created(course("2026年度全区党员集中轮训", "区委组织部"), token(Role.COMMITTEE_ADMIN));
        String jianshe = created(course("建设街道党员培训", "建设街道党工委"), streetAdmin("JIANSHE"));
        String hongqiao = created(course("洪桥街道党员培训", "洪桥街道党工委"), streetAdmin("HONGQIAO"));
        String po = partyOrganization("JIANSHE");

        for (String bearer : List.of(streetAdmin("JIANSHE"), secretary(po))) {
            assertThat(listed("", bearer)).contains(district, jianshe).doesNotContain(hongqiao);
            assertThat(listed("&street=JIANSHE", bearer)).contains(jianshe).doesNotContain(district, hongqiao);
            get("/api/training/sessions?street=HONGQIAO", bearer).expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            get("/api/training/sessions/" + hongqiao, bearer).expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            get("/api/training/sessions/" + hongqiao + "/attendance", bearer).expectStatus().isNotFound();
            get("/api/training/sessions/" + district, bearer).expectStatus().isOk().expectBody()
                    .jsonPath("$.organizer").isEqualTo("区委组织部").jsonPath("$.street").isEmpty();
            get("/api/training/sessions/" + jianshe, bearer).expectStatus().isOk();
        }
        // nor can another street's course be recorded into
        List<String> members = members(po, "JIANSHE", 1);
        post("/api/training/sessions/" + hongqiao + "/attendance", Map.of("memberIds", members), streetAdmin("JIANSHE"))
                .expectStatus().isNotFound();

        assertThat(listed("", token(Role.AUDITOR))).contains(district, jianshe, hongqiao);
        assertThat(listed("&street=HONGQIAO", token(Role.AUDITOR))).contains(hongqiao).doesNotContain(district, jianshe);
        get("/api/training/sessions/" + hongqiao, token(Role.DISTRICT_ADMIN)).expectStatus().isOk();
        get("/api/training/sessions?street=ATLANTIS", token(Role.AUDITOR)).expectStatus().isBadRequest();
        get("/api/training/sessions", token(Role.FINANCE)).expectStatus().isForbidden();
    }
}
