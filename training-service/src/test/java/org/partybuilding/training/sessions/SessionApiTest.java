package org.partybuilding.training.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.events.CloudEventHeaders;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.Topics;
import org.partybuilding.events.TrainingAttendanceSnapshot;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.TopicRecords;
import org.partybuilding.training.TrainingApiTestBase;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

/** Training courses and attendance: idempotent per member, corrections as new versions, members only, scope. */
class SessionApiTest extends TrainingApiTestBase {

    private static Map<String, Object> session(String kind, String startsOn, String hours) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "2026年发展对象培训班", "kind", kind, "organizer", "区委组织部",
                "startsOn", startsOn, "endsOn", startsOn, "hours", hours));
        body.put("location", "区委党校");
        return body;
    }

    private String created(Map<String, Object> body, String bearer) {
        return post("/api/training/sessions", body, bearer).expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("id").toString();
    }

    private long stored(String sessionId) {
        return mongo.count(Query.query(Criteria.where("sessionId").is(sessionId)), Attendance.class).block();
    }

    @Test
    void attendanceIsIdempotentPerMemberAndACorrectionIsANewVersion() {
        String po = partyOrganization("JIANSHE");
        List<String> members = members(po, "JIANSHE", 2);
        String session = created(session("DEVELOPMENT_TARGET_TRAINING", "2026-03-02", "24"), token(Role.COMMITTEE_ADMIN));
        String uri = "/api/training/sessions/" + session + "/attendance";

        post(uri, Map.of("memberIds", members), token(Role.COMMITTEE_ADMIN)).expectStatus().isOk()
                .expectBody().jsonPath("$.created").isEqualTo(2).jsonPath("$.attendees[0].hours").isEqualTo(24.0);
        post(uri, Map.of("memberIds", members), streetAdmin("JIANSHE")).expectStatus().isOk()
                .expectBody().jsonPath("$.created").isEqualTo(0).jsonPath("$.unchanged").isEqualTo(2);
        assertThat(stored(session)).isEqualTo(2);

        post(uri, Map.of("memberIds", List.of(members.get(0)), "hours", "16"), secretary(po)).expectStatus().isOk()
                .expectBody().jsonPath("$.corrected").isEqualTo(1).jsonPath("$.attendees[0].version").isEqualTo(2);
        String key = Attendance.id(session, members.get(0));
        var records = TopicRecords.await(broker, Topics.TRAINING_RECORDS, key, 2);
        assertThat(records).hasSize(2);
        assertThat(CloudEventHeaders.read(records.get(0).headers()).type()).isEqualTo("partybuilding.TrainingAttended");
        TrainingAttendanceSnapshot first = EventCodec.decode(records.get(0).value(), TrainingAttendanceSnapshot.class);
        TrainingAttendanceSnapshot second = EventCodec.decode(records.get(1).value(), TrainingAttendanceSnapshot.class);
        assertThat(first.kind()).isEqualTo("DEVELOPMENT_TARGET_TRAINING");
        assertThat(first.memberId()).isEqualTo(members.get(0));
        assertThat(first.hours()).isEqualByComparingTo("24");
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.hours()).isEqualByComparingTo(new BigDecimal("16"));
        assertThat(TopicRecords.await(broker, Topics.TRAINING_RECORDS, Attendance.id(session, members.get(1)), 1)).hasSize(1);

        get("/api/training/sessions/" + session + "/attendance", streetAdmin("JIANSHE")).expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2);
        get("/api/training/sessions/" + session + "/attendance", streetAdmin("DONGSHAN")).expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void nonMembersAreRefusedByNameAndNothingIsStored() {
        String po = partyOrganization("JIANSHE");
        List<String> members = members(po, "JIANSHE", 1);
        String left = id("left");
        announced(member(left, 2, po, "JIANSHE", "FORMAL", "LEFT"));
        String activist = id("act");
        announced(member(activist, 1, po, "JIANSHE", "ACTIVIST", "ACTIVE"));
        String session = created(session("ACTIVIST_TRAINING", "2026-01-10", "8"), token(Role.DISTRICT_ADMIN));
        post("/api/training/sessions/" + session + "/attendance", Map.of("memberIds", List.of(members.get(0), "m-ghost", left)),
                token(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("RULE_13_ATTENDEES_MUST_BE_MEMBERS")
                .jsonPath("$.facts.nonMembers").isEqualTo(List.of("m-ghost", left))
                .jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("m-ghost", left));
        assertThat(stored(session)).isZero();
        // District training may list any member of the district, in development too.
        post("/api/training/sessions/" + session + "/attendance", Map.of("memberIds", List.of(activist)), token(Role.DISTRICT_ADMIN))
                .expectStatus().isOk();
    }

    @Test
    void badRequestsAreRefusedAndNothingIsStored() {
        String po = partyOrganization("JIANSHE");
        List<String> members = members(po, "JIANSHE", 1);
        String later = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10).toString();
        String future = created(session("PARTY_MEMBER_TRAINING", later, "4"), token(Role.DISTRICT_ADMIN));
        post("/api/training/sessions/" + future + "/attendance", Map.of("memberIds", members), token(Role.DISTRICT_ADMIN))
                .expectStatus().isEqualTo(409);
        String session = created(session("PARTY_MEMBER_TRAINING", "2026-02-01", "4"), token(Role.DISTRICT_ADMIN));
        String uri = "/api/training/sessions/" + session + "/attendance";
        post(uri, Map.of("memberIds", members, "hours", "5"), token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("hours");
        post(uri, Map.of("memberIds", List.of()), token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest();
        post(uri, Map.of("memberIds", List.of(members.get(0), members.get(0))), token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest();
        post("/api/training/sessions/nope/attendance", Map.of("memberIds", members), token(Role.DISTRICT_ADMIN)).expectStatus().isNotFound();
        assertThat(stored(session)).isZero();

        Map<String, Object> backwards = session("PARTY_MEMBER_TRAINING", "2026-02-01", "4");
        backwards.put("endsOn", "2026-01-01");
        post("/api/training/sessions", backwards, token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("endsOn");
        post("/api/training/sessions", session("COOKING_CLASS", "2026-02-01", "4"), token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest();
        post("/api/training/sessions", session("PARTY_MEMBER_TRAINING", "2026-02-01", "0"), token(Role.DISTRICT_ADMIN))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("hours");
        get("/api/training/sessions/nope", token(Role.AUDITOR)).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void rolesAndStreetsDecideWhoCreatesAndRecords() {
        String po = partyOrganization("JIANSHE");
        List<String> members = members(po, "JIANSHE", 1);
        String dongshan = partyOrganization("DONGSHAN");
        List<String> others = members(dongshan, "DONGSHAN", 1);

        post("/api/training/sessions", session("PARTY_MEMBER_TRAINING", "2026-02-01", "4"), secretary(po)).expectStatus().isForbidden();
        post("/api/training/sessions", session("PARTY_MEMBER_TRAINING", "2026-02-01", "4"), token(Role.FINANCE)).expectStatus().isForbidden();
        post("/api/training/sessions", session("PARTY_MEMBER_TRAINING", "2026-02-01", "4"), token(Role.AUDITOR)).expectStatus().isForbidden();
        Map<String, Object> elsewhere = session("PARTY_MEMBER_TRAINING", "2026-02-01", "4");
        elsewhere.put("street", "DONGSHAN");
        post("/api/training/sessions", elsewhere, streetAdmin("JIANSHE")).expectStatus().isForbidden();
        String streetSession = post("/api/training/sessions", session("PARTY_MEMBER_TRAINING", "2026-02-01", "4"), streetAdmin("JIANSHE"))
                .expectStatus().isCreated().expectBody().jsonPath("$.street").isEqualTo("JIANSHE").returnResult()
                .getResponseHeaders().getLocation().toString();
        String id = streetSession.substring(streetSession.lastIndexOf('/') + 1);
        get(streetSession, secretary(po)).expectStatus().isOk().expectBody().jsonPath("$.organizer").isEqualTo("区委组织部");
        get("/api/training/sessions?kind=PARTY_MEMBER_TRAINING&year=2026&street=JIANSHE", token(Role.AUDITOR)).expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + id + "')]").exists();
        get("/api/training/sessions", token(Role.FINANCE)).expectStatus().isForbidden();

        String uri = "/api/training/sessions/" + id + "/attendance";
        post(uri, Map.of("memberIds", others), streetAdmin("JIANSHE")).expectStatus().isForbidden();
        // another street's course is not the DONGSHAN admin's to see
        post(uri, Map.of("memberIds", members), streetAdmin("DONGSHAN")).expectStatus().isNotFound();
        post(uri, Map.of("memberIds", others), secretary(po)).expectStatus().isForbidden();
        post(uri, Map.of("memberIds", members), token(Role.AUDITOR)).expectStatus().isForbidden();
        assertThat(stored(id)).isZero();
        post(uri, Map.of("memberIds", members), secretary(po)).expectStatus().isOk();
        assertThat(stored(id)).isEqualTo(1);
    }

    @Test
    void coursesAndAttendanceKeepTheirAuditTrailReadableWithinScope() {
        String po = partyOrganization("JIANSHE");
        String member = members(po, "JIANSHE", 1).get(0);
        String session = created(session("PARTY_MEMBER_TRAINING", "2026-03-02", "8"), streetAdmin("JIANSHE"));
        String uri = "/api/training/sessions/" + session + "/attendance";
        post(uri, Map.of("memberIds", List.of(member)), streetAdmin("JIANSHE")).expectStatus().isOk();
        post(uri, Map.of("memberIds", List.of(member), "hours", "4"), secretary(po)).expectStatus().isOk();

        get("/api/training/sessions/" + session + "/history", streetAdmin("JIANSHE")).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].action").isEqualTo("SESSION_CREATED")
                .jsonPath("$.items[0].actor.roles[0]").isEqualTo("street-admin")
                .jsonPath("$.items[0].changes[?(@.field == 'street')].after").isEqualTo(List.of("JIANSHE"))
                .jsonPath("$.items[0].changes[?(@.field == 'createdBy')]").isEmpty();
        get("/api/training/sessions/" + session + "/history", streetAdmin("HUALE")).expectStatus().isNotFound();
        get("/api/training/audit?resource=TrainingAttendance&resourceId=" + session + ":" + member, token(Role.AUDITOR))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[0].action").isEqualTo("ATTENDANCE_CORRECTED")
                .jsonPath("$.items[0].actor.roles[0]").isEqualTo("branch-secretary")
                .jsonPath("$.items[0].changes[0].field").isEqualTo("hours")
                .jsonPath("$.items[0].changes[0].before").isEqualTo("8.00")
                .jsonPath("$.items[0].changes[0].after").isEqualTo("4.00")
                .jsonPath("$.items[1].action").isEqualTo("ATTENDANCE_RECORDED");
        get("/api/training/audit", streetAdmin("JIANSHE")).expectStatus().isForbidden();
    }
}
