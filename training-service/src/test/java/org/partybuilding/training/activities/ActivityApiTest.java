package org.partybuilding.training.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.events.ActivityRecordedSnapshot;
import org.partybuilding.events.CloudEventHeaders;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.TopicRecords;
import org.partybuilding.training.TrainingApiTestBase;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Organizational life (rule 13): members only, quorum, lecturer, events, scope. */
class ActivityApiTest extends TrainingApiTestBase {

    private long stored(String partyOrganizationId) {
        return mongo.count(Query.query(Criteria.where("partyOrganizationId").is(partyOrganizationId)), Activity.class).block();
    }

    @Test
    void aRecordedActivityIsStoredWithItsEventAndReadBackInScope() {
        String secretaryId = id("sec");
        String po = id("po");
        established(partyOrganization(po, 1, "JIANSHE", "ACTIVE", secretaryId, List.of()));
        announced(member(secretaryId, 1, po, "JIANSHE", "FORMAL", "ACTIVE"));
        List<String> members = members(po, "JIANSHE", 2);
        Map<String, Object> body = activity(po, "PARTY_LESSON", "2026-03-05", List.of(members.get(0), secretaryId));
        body.put("lecturerMemberId", secretaryId);
        body.put("absentees", List.of(Map.of("memberId", members.get(1), "reason", "病假")));
        String location = post("/api/training/activities", body, secretary(po)).expectStatus().isCreated()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, "/api/training/activities/.+")
                .expectBody().jsonPath("$.lecturedBySecretary").isEqualTo(true)
                .jsonPath("$.hours").isEqualTo(2.0)
                .jsonPath("$.quorum").doesNotExist()
                .jsonPath("$.absentees[0].reason").isEqualTo("病假")
                .returnResult().getResponseHeaders().getLocation().toString();
        String id = location.substring(location.lastIndexOf('/') + 1);

        var records = TopicRecords.await(broker, Topics.TRAINING_RECORDS, id, 1);
        assertThat(CloudEventHeaders.read(records.get(0).headers()).type()).isEqualTo("partybuilding.ActivityRecorded");
        ActivityRecordedSnapshot event = EventCodec.decode(records.get(0).value(), ActivityRecordedSnapshot.class);
        assertThat(event.attendeeIds()).containsExactly(members.get(0), secretaryId);
        assertThat(event.absentees()).isEqualTo(1);
        assertThat(event.lecturedBySecretary()).isTrue();
        assertThat(new String(records.get(0).value())).doesNotContain("病假").doesNotContain("党员");

        get(location, streetAdmin("JIANSHE")).expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(id);
        get(location, token(Role.AUDITOR)).expectStatus().isOk();
        get(location, streetAdmin("DONGSHAN")).expectStatus().isNotFound();
        get(location, secretary("po-other")).expectStatus().isNotFound();
        get(location, token(Role.FINANCE)).expectStatus().isForbidden();
        get("/api/training/activities?partyOrganizationId=" + po, secretary(po)).expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(id);
        get("/api/training/activities?partyOrganizationId=" + po, secretary("po-other")).expectStatus().isForbidden();
        get("/api/training/activities?street=JIANSHE&kind=PARTY_LESSON&year=2026", streetAdmin("JIANSHE")).expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + id + "')]").exists();
        get("/api/training/activities?street=JIANSHE", streetAdmin("DONGSHAN")).expectStatus().isForbidden();
    }

    @Test
    void nonMembersAreRefusedByNameAndNothingIsStored() {
        String po = partyOrganization("JIANSHE");
        String other = partyOrganization("JIANSHE");
        List<String> members = members(po, "JIANSHE", 2);
        String elsewhere = members(other, "JIANSHE", 1).get(0);
        String activist = id("act");
        announced(member(activist, 1, po, "JIANSHE", "ACTIVIST", "ACTIVE"));
        String left = id("left");
        announced(member(left, 2, po, "JIANSHE", "FORMAL", "LEFT"));

        Map<String, Object> body = activity(po, "GROUP_MEETING", "2026-02-10",
                List.of(members.get(0), elsewhere, "m-unknown", activist, left));
        body.put("absentees", List.of(Map.of("memberId", "m-unknown-2", "reason", "出差")));
        post("/api/training/activities", body, token(Role.COMMITTEE_ADMIN)).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("RULE_13_ATTENDEES_MUST_BE_MEMBERS")
                .jsonPath("$.facts.nonMembers").isEqualTo(List.of(elsewhere, "m-unknown", activist, left, "m-unknown-2"))
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains(elsewhere, "m-unknown", activist));
        assertThat(stored(po)).isZero();
        assertThat(directory.partyOrganization(po)).isPresent();
    }

    @Test
    void aGeneralMeetingWithoutMoreThanHalfIsRecordedAndFlagged() {
        String po = partyOrganization("JIANSHE");
        List<String> members = members(po, "JIANSHE", 4);
        post("/api/training/activities", activity(po, "GENERAL_MEETING", "2026-01-15", members.subList(0, 3)), token(Role.DISTRICT_ADMIN))
                .expectStatus().isCreated().expectBody().jsonPath("$.quorum").isEqualTo(true).jsonPath("$.partyMembers").isEqualTo(4)
                .jsonPath("$.flags").isEmpty();
        post("/api/training/activities", activity(po, "GENERAL_MEETING", "2026-04-15", members.subList(0, 2)), streetAdmin("JIANSHE"))
                .expectStatus().isCreated().expectBody().jsonPath("$.quorum").isEqualTo(false)
                .jsonPath("$.flags[0]").isEqualTo("NO_QUORUM");
        get("/api/training/activities?partyOrganizationId=" + po + "&flag=NO_QUORUM", token(Role.AUDITOR)).expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].heldOn").isEqualTo("2026-04-15");
        assertThat(stored(po)).isEqualTo(2);
    }

    @Test
    void badRecordsAreRefusedAsProblemsAndNothingIsStored() {
        String po = partyOrganization("JIANSHE");
        List<String> members = members(po, "JIANSHE", 2);
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        post("/api/training/activities", activity(po, "GENERAL_MEETING", tomorrow, members), token(Role.DISTRICT_ADMIN))
                .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("heldOn");
        Map<String, Object> lecture = activity(po, "THEMED_PARTY_DAY", "2026-02-01", members);
        lecture.put("lecturerMemberId", members.get(0));
        post("/api/training/activities", lecture, token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("lecturerMemberId");
        post("/api/training/activities", activity(po, "SUNDAY_PICNIC", "2026-02-01", members), token(Role.DISTRICT_ADMIN))
                .expectStatus().isBadRequest();
        post("/api/training/activities", activity(po, "GROUP_MEETING", "2026-02-01", List.of()), token(Role.DISTRICT_ADMIN))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("attendeeIds");
        post("/api/training/activities", activity(po, "GROUP_MEETING", "2026-02-01", List.of(members.get(0), members.get(0))),
                token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest();
        post("/api/training/activities", activity(po, "GROUP_MEETING", "2024-01-01", members), token(Role.DISTRICT_ADMIN))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("heldOn");
        Map<String, Object> hours = activity(po, "GROUP_MEETING", "2026-02-01", members);
        hours.put("hours", "-1");
        post("/api/training/activities", hours, token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("hours");
        post("/api/training/activities", activity("po-nowhere", "GROUP_MEETING", "2026-02-01", members), token(Role.DISTRICT_ADMIN))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("partyOrganizationId");
        assertThat(stored(po)).isZero();
    }

    @Test
    void onlyTheOrganizationsOwnSecretaryItsStreetAndAdminsRecord() {
        String po = partyOrganization("JIANSHE");
        List<String> members = members(po, "JIANSHE", 2);
        Map<String, Object> body = activity(po, "THEMED_PARTY_DAY", "2026-02-01", members);
        post("/api/training/activities", body, secretary("po-other")).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post("/api/training/activities", body, streetAdmin("DONGSHAN")).expectStatus().isForbidden();
        post("/api/training/activities", body, token(Role.AUDITOR)).expectStatus().isForbidden();
        post("/api/training/activities", body, token(Role.FINANCE)).expectStatus().isForbidden();
        web.post().uri("/api/training/activities").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isUnauthorized();
        assertThat(stored(po)).isZero();
        post("/api/training/activities", body, secretary(po)).expectStatus().isCreated();
        assertThat(stored(po)).isEqualTo(1);
    }

    @Test
    void aDissolvedPartyOrganizationRecordsNothingAfterItsDissolution() {
        String po = partyOrganization("JIANSHE");
        List<String> members = members(po, "JIANSHE", 2);
        established(partyOrganization(po, 2, "JIANSHE", "DISSOLVED", null, List.of()));
        post("/api/training/activities", activity(po, "THEMED_PARTY_DAY", "2026-02-01", members), token(Role.DISTRICT_ADMIN))
                .expectStatus().isEqualTo(409);
        post("/api/training/activities", activity(po, "THEMED_PARTY_DAY", "2025-12-01", members), token(Role.DISTRICT_ADMIN))
                .expectStatus().isCreated();
        assertThat(stored(po)).isEqualTo(1);
    }

    @Test
    void memberEventsAreVersionGuarded() {
        String po = partyOrganization("JIANSHE");
        String other = partyOrganization("JIANSHE");
        String m = id("m");
        announced(member(m, 3, other, "JIANSHE", "FORMAL", "ACTIVE"));
        events.publish(org.partybuilding.events.EventType.MEMBER_UPDATED, member(m, 2, po, "JIANSHE", "FORMAL", "ACTIVE"));
        String marker = id("m");
        announced(member(marker, 1, po, "JIANSHE", "FORMAL", "ACTIVE"));
        // The older version arrived before the marker (same partition): it changed nothing.
        assertThat(directory.member(m).orElseThrow().partyOrganizationId()).isEqualTo(other);
        assertThat(mongo.findById(m, org.partybuilding.training.context.KnownMember.class).block().version()).isEqualTo(3);
        post("/api/training/activities", activity(po, "THEMED_PARTY_DAY", "2026-02-01", List.of(m)), token(Role.DISTRICT_ADMIN))
                .expectStatus().isEqualTo(422);
    }
}
