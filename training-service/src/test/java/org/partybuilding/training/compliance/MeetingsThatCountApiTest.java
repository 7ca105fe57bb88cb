package org.partybuilding.training.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.events.PartyOrganizationSnapshot;
import org.partybuilding.platform.security.Role;
import org.partybuilding.training.TrainingApiTestBase;
import org.partybuilding.training.activities.Activity;
import org.partybuilding.training.activities.ActivityService;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

/**
 * Rule 12 counts only meetings that satisfy their rule, from the establishment on (street DADONG): a general meeting
 * flagged {@code NO_QUORUM} is held but does not count; a party organization's first quarter counts what it held since
 * its establishment; a committee meeting is refused where no committee is elected.
 */
class MeetingsThatCountApiTest extends TrainingApiTestBase {

    private String partyOrganization(LocalDate establishedOn, String secretary, List<String> committee) {
        String id = id("po");
        established(new PartyOrganizationSnapshot(id, 1, "党支部" + id, "BRANCH", "SINGLE", List.of("org-" + id), "DADONG",
                "EDUCATION", "越秀区社会组织党委", establishedOn, "ACTIVE", null, secretary,
                committee.stream().map(m -> new PartyOrganizationSnapshot.CommitteeSeat(m, m.equals(secretary) ? "SECRETARY" : "MEMBER"))
                        .toList()));
        return id;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> generalMeeting(String po, String query) {
        Map<String, Object> report = get("/api/training/compliance?" + query + "&partyOrganizationId=" + po, token(Role.AUDITOR))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> rows = (List<Map<String, Object>>) report.get("partyOrganizations");
        assertThat(rows).hasSize(1);
        return ((List<Map<String, Object>>) rows.get(0).get("requirements")).stream()
                .filter(r -> r.get("requirement").equals("GENERAL_MEETING")).findFirst().orElseThrow();
    }

    @Test
    void aGeneralMeetingWithoutQuorumIsHeldButDoesNotCountAndTheReportSaysWhy() {
        String po = partyOrganization(LocalDate.of(2024, 7, 1), null, List.of());
        List<String> members = members(po, "DADONG", 3);
        post("/api/training/activities", activity(po, "GENERAL_MEETING", "2025-02-10", members.subList(0, 1)), secretary(po))
                .expectStatus().isCreated().expectBody().jsonPath("$.flags[0]").isEqualTo("NO_QUORUM");

        Map<String, Object> q1 = generalMeeting(po, "year=2025&quarter=1");
        assertThat(q1).containsEntry("required", 1).containsEntry("met", 0).containsEntry("held", 1).containsEntry("counted", 0)
                .containsEntry("notCounted", Map.of("NO_QUORUM", 1)).containsEntry("status", "BEHIND")
                .containsEntry("missing", List.of("2025-Q1"));

        // with its quorum, the quarter is met
        post("/api/training/activities", activity(po, "GENERAL_MEETING", "2025-03-10", members.subList(0, 2)), secretary(po))
                .expectStatus().isCreated().expectBody().jsonPath("$.quorum").isEqualTo(true);
        Map<String, Object> met = generalMeeting(po, "year=2025&quarter=1");
        assertThat(met).containsEntry("met", 1).containsEntry("held", 2).containsEntry("counted", 1).containsEntry("status", "COMPLIANT");
        get("/api/training/compliance?year=2025&quarter=1&partyOrganizationId=" + po, token(Role.AUDITOR)).expectStatus().isOk()
                .expectBody().jsonPath("$.total.requirements.GENERAL_MEETING.held").isEqualTo(2)
                .jsonPath("$.total.requirements.GENERAL_MEETING.counted").isEqualTo(1);
    }

    @Test
    void aNewPartyOrganizationsFirstQuarterCountsTheMeetingsHeldSinceItsEstablishment() {
        String po = partyOrganization(LocalDate.of(2025, 5, 20), null, List.of());
        List<String> members = members(po, "DADONG", 3);
        post("/api/training/activities", activity(po, "GENERAL_MEETING", "2025-05-25", members), secretary(po)).expectStatus().isCreated();
        post("/api/training/activities", activity(po, "GENERAL_MEETING", "2025-06-18", members), secretary(po)).expectStatus().isCreated();
        // before its establishment nothing can be recorded
        post("/api/training/activities", activity(po, "GENERAL_MEETING", "2025-05-10", members), secretary(po))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("heldOn");

        assertThat(generalMeeting(po, "year=2025&quarter=2")).containsEntry("required", 1).containsEntry("met", 1)
                .containsEntry("held", 2).containsEntry("counted", 2).containsEntry("status", "COMPLIANT");
        // the year: Q2 met, Q3 and Q4 missing; Q1 (before it existed) owes nothing
        assertThat(generalMeeting(po, "year=2025")).containsEntry("required", 3).containsEntry("met", 1)
                .containsEntry("missing", List.of("2025-Q3", "2025-Q4"));
        get("/api/training/compliance?year=2025&quarter=1&partyOrganizationId=" + po, token(Role.AUDITOR)).expectStatus().isOk()
                .expectBody().jsonPath("$.partyOrganizations.length()").isEqualTo(0);
    }

    @Test
    void aCommitteeMeetingIsRefusedWhereNoCommitteeIsElectedAndNothingIsStored() {
        String po = partyOrganization(LocalDate.of(2024, 7, 1), null, List.of());
        List<String> members = members(po, "DADONG", 3);
        post("/api/training/activities", activity(po, "COMMITTEE_MEETING", "2025-02-10", members), secretary(po))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo(ActivityService.RULE_12_COMMITTEE_MEETING)
                .jsonPath("$.facts.partyOrganizationId").isEqualTo(po);
        assertThat(mongo.count(Query.query(Criteria.where("partyOrganizationId").is(po)), Activity.class).block()).isZero();

        String secretaryId = id("sec");
        List<String> committee = List.of(secretaryId, id("cm"), id("cm"));
        String withCommittee = partyOrganization(LocalDate.of(2024, 7, 1), secretaryId, committee);
        committee.forEach(m -> announced(member(m, 1, withCommittee, "DADONG", "FORMAL", "ACTIVE")));
        post("/api/training/activities", activity(withCommittee, "COMMITTEE_MEETING", "2025-02-10", committee), secretary(withCommittee))
                .expectStatus().isCreated();
    }
}
