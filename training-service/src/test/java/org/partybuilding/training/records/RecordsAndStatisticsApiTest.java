package org.partybuilding.training.records;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.security.Role;
import org.partybuilding.training.TrainingApiTestBase;
import org.springframework.http.MediaType;

/**
 * Member records and statistics (rule 13): in 2025 a member with 32 hours meets the minimum, the
 * secretary with 34 does not (56), a committee member with 2 hours and no training neither.
 */
class RecordsAndStatisticsApiTest extends TrainingApiTestBase {

    private String po;
    private String secretaryId;
    private String committeeMember;
    private String member;

    private void year2025() {
        secretaryId = id("sec");
        committeeMember = id("cm");
        po = id("po");
        established(partyOrganization(po, 1, "JIANSHE", "ACTIVE", secretaryId, List.of(secretaryId, committeeMember)));
        announced(member(secretaryId, 1, po, "JIANSHE", "FORMAL", "ACTIVE"));
        announced(member(committeeMember, 1, po, "JIANSHE", "FORMAL", "ACTIVE"));
        member = members(po, "JIANSHE", 1).get(0);
        String session = post("/api/training/sessions", Map.of("title", "党员冬训", "kind", "PARTY_MEMBER_TRAINING", "organizer",
                "区委组织部", "startsOn", "2025-03-01", "endsOn", "2025-03-04", "hours", "32"), token(Role.DISTRICT_ADMIN))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        post("/api/training/sessions/" + session + "/attendance", Map.of("memberIds", List.of(member, secretaryId)),
                token(Role.DISTRICT_ADMIN)).expectStatus().isOk();
        Map<String, Object> lesson = activity(po, "PARTY_LESSON", "2025-06-01", List.of(secretaryId, committeeMember));
        lesson.put("absentees", List.of(Map.of("memberId", member, "reason", "外出学习")));
        post("/api/training/activities", lesson, secretary(po)).expectStatus().isCreated();
    }

    @Test
    void yearlyHoursAgainst32And56() {
        year2025();
        get("/api/training/members/" + member + "/records?year=2025", secretary(po)).expectStatus().isOk().expectBody()
                .jsonPath("$.role").isEqualTo("MEMBER")
                .jsonPath("$.years[0].year").isEqualTo(2025)
                .jsonPath("$.years[0].hours").isEqualTo(32.0)
                .jsonPath("$.years[0].requiredHours").isEqualTo(32)
                .jsonPath("$.years[0].met").isEqualTo(true)
                .jsonPath("$.trainings[0].title").isEqualTo("党员冬训")
                .jsonPath("$.absences[0].reason").isEqualTo("外出学习")
                .jsonPath("$.activities.length()").isEqualTo(0);
        get("/api/training/members/" + secretaryId + "/records?year=2025", streetAdmin("JIANSHE")).expectStatus().isOk().expectBody()
                .jsonPath("$.role").isEqualTo("SECRETARY")
                .jsonPath("$.years[0].hours").isEqualTo(34.0)
                .jsonPath("$.years[0].trainingHours").isEqualTo(32.0)
                .jsonPath("$.years[0].activityHours").isEqualTo(2.0)
                .jsonPath("$.years[0].personTimes").isEqualTo(2)
                .jsonPath("$.years[0].requiredHours").isEqualTo(56)
                .jsonPath("$.years[0].met").isEqualTo(false)
                .jsonPath("$.activities[0].kind").isEqualTo("PARTY_LESSON");
        get("/api/training/members/" + committeeMember + "/records", token(Role.AUDITOR)).expectStatus().isOk().expectBody()
                .jsonPath("$.role").isEqualTo("COMMITTEE_MEMBER")
                .jsonPath("$.years[?(@.year == 2025)].hours").isEqualTo(List.of(2.0))
                .jsonPath("$.years[?(@.year == 2025)].requiredHours").isEqualTo(List.of(56));

        get("/api/training/members/" + member + "/records", secretary("po-other")).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        get("/api/training/members/" + member + "/records", streetAdmin("DONGSHAN")).expectStatus().isNotFound();
        get("/api/training/members/" + member + "/records", token(Role.FINANCE)).expectStatus().isForbidden();
        get("/api/training/members/m-nobody/records", token(Role.DISTRICT_ADMIN)).expectStatus().isNotFound();
        get("/api/training/members/" + member + "/records?year=3000", token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest();
    }

    @Test
    void statisticsByStreetAndPartyOrganization() {
        year2025();
        get("/api/training/statistics?year=2025&partyOrganizationId=" + po, token(Role.COMMITTEE_ADMIN)).expectStatus().isOk().expectBody()
                .jsonPath("$.total.partyMembers").isEqualTo(3)
                .jsonPath("$.total.personTimes").isEqualTo(4)
                .jsonPath("$.total.trainingPersonTimes").isEqualTo(2)
                .jsonPath("$.total.activityPersonTimes").isEqualTo(2)
                .jsonPath("$.total.hours").isEqualTo(68.0)
                .jsonPath("$.total.withoutTraining").isEqualTo(1)
                .jsonPath("$.total.belowMinimumHours").isEqualTo(2)
                .jsonPath("$.membersWithoutTraining[0].memberId").isEqualTo(committeeMember)
                .jsonPath("$.byPartyOrganization[0].key").isEqualTo(po)
                .jsonPath("$.byStreet[0].key").isEqualTo("JIANSHE")
                .jsonPath("$.byStreet[0].name").isEqualTo("建设");
        get("/api/training/statistics?year=2025", secretary(po)).expectStatus().isOk().expectBody()
                .jsonPath("$.byPartyOrganization.length()").isEqualTo(1)
                .jsonPath("$.total.partyMembers").isEqualTo(3);
        get("/api/training/statistics?year=2025", streetAdmin("DONGSHAN")).expectStatus().isOk().expectBody()
                .jsonPath("$.byPartyOrganization[?(@.key == '" + po + "')]").doesNotExist();
        get("/api/training/statistics?year=2025&street=JIANSHE", streetAdmin("DONGSHAN")).expectStatus().isForbidden();
        get("/api/training/statistics?year=2025&partyOrganizationId=" + po, secretary("po-other")).expectStatus().isForbidden();
        get("/api/training/statistics?year=2025", token(Role.FINANCE)).expectStatus().isForbidden();
        get("/api/training/statistics?year=2025&limit=5000", token(Role.AUDITOR)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
    }
}
