package org.partybuilding.member.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partybuilding.member.MemberFixtures.body;
import static org.partybuilding.member.MemberFixtures.registered;
import static org.partybuilding.member.MemberFixtures.secretary;
import static org.partybuilding.member.MemberFixtures.streetAdmin;
import static org.partybuilding.member.MemberFixtures.token;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partybuilding.events.CloudEventHeaders;
import org.partybuilding.events.EventType;
import org.partybuilding.events.Topics;
import org.partybuilding.member.MemberApiTestBase;
import org.partybuilding.member.MemberFixtures;
import org.partybuilding.member.development.DevelopmentRules;
import org.partybuilding.member.members.Member;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.TopicRecords;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Stage transitions through the API: rule 8 refusals as 422 with the rule, training hours from training events. */
class StageTransitionApiTest extends MemberApiTestBase {

    @BeforeEach
    void context() {
        MemberFixtures.organization(events, mongo, "org-stages", "JIANSHE");
        MemberFixtures.partyOrganization(events, mongo, "po-stages", "org-stages");
    }

    private WebTestClient.ResponseSpec transition(String id, Map<String, Object> body, String bearer) {
        return web.post().uri("/api/members/" + id + "/stage-transitions").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private String developmentTarget() {
        Map<String, Object> body = body("org-stages");
        body.put("stage", "DEVELOPMENT_TARGET");
        body.put("appliedOn", "2023-01-10");
        body.put("activistOn", "2023-03-01");
        body.put("targetOn", "2024-03-01");
        body.put("partyOrganizationId", "po-stages");
        return registered(web, body);
    }

    @Test
    void admissionWaitsFor24HoursOfTrainingRecordedByTrainingServiceReplaysCountedOnce() {
        String id = developmentTarget();
        events.publish(EventType.TRAINING_ATTENDED, MemberFixtures.attendance("att-1-" + id, 1, id, "16"));
        events.publish(EventType.TRAINING_ATTENDED, MemberFixtures.attendance("att-2-" + id, 1, id, "7.5"));
        // A replay and an older version of the same attendance do not add hours.
        events.publish(EventType.TRAINING_ATTENDED, MemberFixtures.attendance("att-1-" + id, 1, id, "16"));
        events.publish(EventType.TRAINING_ATTENDED, MemberFixtures.attendance("att-3-" + id, 2, id, "0.5"));
        events.publish(EventType.TRAINING_ATTENDED, MemberFixtures.attendance("att-3-" + id, 1, id, "8"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mongo.count(
                org.springframework.data.mongodb.core.query.Query.query(org.springframework.data.mongodb.core.query.Criteria
                        .where("memberId").is(id)), org.partybuilding.member.context.TrainingAttendance.class).block()).isEqualTo(3));

        // 16 + 7.5 + 0.5 = 24 … but only once att-3's newest version is in; until then 23.5 or 31.5 would be wrong.
        transition(id, Map.of("to", "PROBATIONARY", "on", "2025-07-01"), token(Role.DISTRICT_ADMIN)).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.stage").isEqualTo("PROBATIONARY").jsonPath("$.admittedOn").isEqualTo("2025-07-01");
        var records = TopicRecords.await(broker, Topics.MEMBER_MEMBERS, id, 2);
        assertThat(CloudEventHeaders.read(records.get(1).headers()).type()).isEqualTo("partybuilding.MemberStageChanged");
    }

    @Test
    void refusalsAre422NamingTheRuleAndChangeNothing() {
        String id = developmentTarget();
        events.publish(EventType.TRAINING_ATTENDED, MemberFixtures.attendance("att-short-" + id, 1, id, "23.5"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById("att-short-" + id,
                org.partybuilding.member.context.TrainingAttendance.class).blockOptional().isPresent());
        transition(id, Map.of("to", "PROBATIONARY", "on", "2025-07-01"), token(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo(DevelopmentRules.TARGET_TRAINING)
                .jsonPath("$.facts.hoursRecorded").isEqualTo("23.5");
        transition(id, Map.of("to", "FORMAL", "on", "2025-07-01"), token(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo(DevelopmentRules.STAGE_ORDER);
        transition(id, Map.of("to", "CHAIRMAN", "on", "2025-07-01"), token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
        transition(id, Map.of("to", "PROBATIONARY"), token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("on");
        transition(id, Map.of("to", "PROBATIONARY", "on", "2025-07-01"), token(Role.AUDITOR)).expectStatus().isForbidden();
        transition(id, Map.of("to", "PROBATIONARY", "on", "2025-07-01"), secretary("po-stages")).expectStatus().isForbidden();
        transition(id, Map.of("to", "PROBATIONARY", "on", "2025-07-01"), streetAdmin("DONGSHAN")).expectStatus().isNotFound();
        assertThat(mongo.findById(id, Member.class).block().version()).isEqualTo(1);
    }

    @Test
    void anActivistBecomesATargetAfterAYearAndAProbationerIsConfirmedAfterTheExtension() {
        Map<String, Object> body = body("org-stages");
        body.put("stage", "ACTIVIST");
        body.put("appliedOn", "2023-01-10");
        body.put("activistOn", "2024-02-29");
        String activist = registered(web, body);
        transition(activist, Map.of("to", "DEVELOPMENT_TARGET", "on", "2025-02-27"), token(Role.DISTRICT_ADMIN))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.rule").isEqualTo(DevelopmentRules.ACTIVIST_PERIOD)
                .jsonPath("$.facts.allowedFrom").isEqualTo("2025-02-28");
        transition(activist, Map.of("to", "DEVELOPMENT_TARGET", "on", "2025-02-28"), streetAdmin("JIANSHE")).expectStatus().isOk();

        Map<String, Object> probationer = body("org-stages");
        probationer.putAll(Map.of("stage", "PROBATIONARY", "appliedOn", "2022-01-10", "activistOn", "2022-03-01",
                "targetOn", "2023-03-01", "admittedOn", "2025-07-01", "partyOrganizationId", "po-stages"));
        String id = registered(web, probationer);
        transition(id, Map.of("to", "PROBATION_EXTENDED", "on", "2026-06-20", "extensionMonths", 4), token(Role.DISTRICT_ADMIN))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("extensionMonths");
        transition(id, Map.of("to", "PROBATION_EXTENDED", "on", "2026-06-20", "extensionMonths", 6), token(Role.DISTRICT_ADMIN))
                .expectStatus().isOk().expectBody().jsonPath("$.probationExtendedMonths").isEqualTo(6);
        transition(id, Map.of("to", "PROBATION_EXTENDED", "on", "2026-06-21", "extensionMonths", 6), token(Role.DISTRICT_ADMIN))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.rule").isEqualTo(DevelopmentRules.ONE_EXTENSION);
        transition(id, Map.of("to", "FORMAL", "on", "2026-07-01"), token(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.facts.allowedFrom").isEqualTo("2027-01-01");

        transition(id, Map.of("to", "LEFT", "on", "2026-08-01"), token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        transition(id, Map.of("to", "LEFT", "on", "2026-08-01", "reason", "自愿退党"), token(Role.DISTRICT_ADMIN)).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("LEFT").jsonPath("$.leftOn").isEqualTo("2026-08-01");
        transition(id, Map.of("to", "FORMAL", "on", "2026-08-02"), token(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(409);
        List<String> types = TopicRecords.await(broker, Topics.MEMBER_MEMBERS, id, 3).stream()
                .map(r -> CloudEventHeaders.read(r.headers()).type()).toList();
        assertThat(types).containsExactly("partybuilding.MemberRegistered", "partybuilding.MemberUpdated", "partybuilding.MemberLeft");
    }
}
