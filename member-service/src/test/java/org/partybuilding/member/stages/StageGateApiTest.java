package org.partybuilding.member.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partybuilding.member.MemberFixtures.body;
import static org.partybuilding.member.MemberFixtures.idNumber;
import static org.partybuilding.member.MemberFixtures.register;
import static org.partybuilding.member.MemberFixtures.registered;
import static org.partybuilding.member.MemberFixtures.streetAdmin;
import static org.partybuilding.member.MemberFixtures.token;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partybuilding.member.MemberApiTestBase;
import org.partybuilding.member.MemberFixtures;
import org.partybuilding.member.development.DevelopmentRules;
import org.partybuilding.member.members.Member;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.spreadsheet.ImportReport;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Rule 8 on every way in: a registration or an import at a later stage passes the gate a transition would (each
 * interval, the training gate from the training-records start date on, 422 naming the same rule); an update never
 * touches the stage; a wrongly recorded date is corrected with the rules re-checked and the correction kept.
 */
class StageGateApiTest extends MemberApiTestBase {

    @BeforeEach
    void context() {
        MemberFixtures.organization(events, mongo, "org-gate", "JIANSHE");
        MemberFixtures.partyOrganization(events, mongo, "po-gate", "org-gate");
    }

    private long stored() {
        return mongo.count(Query.query(Criteria.where("organizationId").is("org-gate")), Member.class).block();
    }

    private static Map<String, Object> atStage(String stage, String... dates) {
        Map<String, Object> body = body("org-gate");
        body.put("stage", stage);
        String[] fields = {"appliedOn", "activistOn", "targetOn", "admittedOn", "confirmedOn"};
        for (int i = 0; i < dates.length; i++) {
            body.put(fields[i], dates[i]);
        }
        return body;
    }

    private void refused(Map<String, Object> body, String rule, String field) {
        register(web, body, token(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo(rule).jsonPath("$.facts.field").isEqualTo(field);
    }

    @Test
    void aRegistrationAtALaterStageIsRefusedForEveryIntervalAndForAMissingTrainingGate() {
        long before = stored();
        // the case: a year as activist in one month, admitted without training
        refused(atStage("PROBATIONARY", "2026-01-10", "2026-02-01", "2026-03-01", "2026-04-01"), DevelopmentRules.ACTIVIST_PERIOD,
                "targetOn");
        refused(atStage("DEVELOPMENT_TARGET", "2023-01-10", "2023-03-01", "2024-02-29"), DevelopmentRules.ACTIVIST_PERIOD, "targetOn");
        // formal after one month of probation
        refused(atStage("FORMAL", "2014-01-10", "2014-03-01", "2015-03-01", "2015-07-01", "2015-08-01"),
                DevelopmentRules.PROBATION_PERIOD, "confirmedOn");
        // admitted from the training-records start date on: no training can be recorded for someone not yet registered
        refused(atStage("PROBATIONARY", "2024-01-10", "2024-03-01", "2025-03-01", "2026-01-01"), DevelopmentRules.TARGET_TRAINING,
                "admittedOn");
        refused(atStage("FORMAL", "2024-01-10", "2024-03-01", "2025-03-01", "2026-01-01", LocalDate.now().toString()),
                DevelopmentRules.TARGET_TRAINING, "admittedOn");
        register(web, atStage("PROBATIONARY", "2024-01-10", "2024-03-01", "2025-03-01", "2026-01-01"), token(Role.DISTRICT_ADMIN))
                .expectBody().jsonPath("$.facts.trainingRecordsStart").isEqualTo("2026-01-01")
                .jsonPath("$.facts.hoursRecorded").isEqualTo("0");
        assertThat(stored()).isEqualTo(before);

        // on the boundaries the same registrations are taken: a year to the day, admitted the day before the start date
        register(web, atStage("FORMAL", "2014-01-10", "2014-03-01", "2015-03-01", "2015-07-01", "2016-07-01"),
                token(Role.DISTRICT_ADMIN)).expectStatus().isCreated();
        register(web, atStage("PROBATIONARY", "2024-01-10", "2024-03-01", "2025-03-01", "2025-12-31"), token(Role.DISTRICT_ADMIN))
                .expectStatus().isCreated().expectBody().jsonPath("$.partyOrganizationId").isEqualTo("po-gate");
        assertThat(stored()).isEqualTo(before + 2);
    }

    @Test
    void anImportAtALaterStageRejectsTheRowsTheGateRefusesNamingTheRule() {
        String header = "姓名,性别,身份证号,单位ID,发展阶段,申请入党日期,确定入党积极分子日期,确定发展对象日期,入党日期,转正日期,税后月收入,收入类别";
        LocalDate birth = LocalDate.of(1985, 6, 1);
        String csv = "\uFEFF" + String.join("\n", header,
                row("短积极分子", idNumber(birth, false), "发展对象", "2023/1/10", "2023/3/1", "2024/2/29", "", ""),
                row("短预备期", idNumber(birth, false), "正式党员", "2014/1/10", "2014/3/1", "2015/3/1", "2015/7/1", "2015/8/1"),
                row("无培训", idNumber(birth, false), "预备党员", "2024/1/10", "2024/3/1", "2025/3/1", "2026/1/1", ""),
                row("合规", idNumber(birth, false), "正式党员", "2014/1/10", "2014/3/1", "2015/3/1", "2015/7/1", "2016/7/1")) + "\n";
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8))).filename("花名册.csv");
        ImportReport report = web.post().uri("/api/members/import").header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build())).exchange()
                .expectStatus().isOk().expectBody(ImportReport.class).returnResult().getResponseBody();
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.rejected()).extracting(ImportReport.RejectedRow::row).containsExactly(2, 3, 4);
        assertThat(report.rejected()).extracting(r -> r.errors().get(0).field()).containsExactly("targetOn", "confirmedOn", "admittedOn");
        assertThat(report.rejected()).extracting(r -> r.errors().get(0).message().split(":")[0])
                .containsExactly(DevelopmentRules.ACTIVIST_PERIOD, DevelopmentRules.PROBATION_PERIOD, DevelopmentRules.TARGET_TRAINING);
        // the imported member is placed in the employer's party organization at once (rule 7a)
        Member imported = mongo.findOne(Query.query(Criteria.where("name").is("合规")), Member.class).block();
        assertThat(imported.partyOrganizationId()).isEqualTo("po-gate");
        assertThat(imported.history()).singleElement().satisfies(r -> assertThat(r.action()).isEqualTo("IMPORTED"));
    }

    private static String row(String name, String id, String stage, String applied, String activist, String target, String admitted,
            String confirmed) {
        return String.join(",", name, "女", id, "org-gate", stage, applied, activist, target, admitted, confirmed, "6000", "在职");
    }

    private WebTestClient.ResponseSpec update(String method, String id, Map<String, Object> body, String version) {
        return (method.equals("PUT") ? web.put() : web.patch()).uri("/api/members/" + id)
                .header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN)).header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void anUpdateNamingTheStageOrAStageDateIsRefusedPointingToTransitionsAndChangesNothing() {
        Map<String, Object> body = atStage("ACTIVIST", "2023-01-10", "2023-03-01");
        String id = registered(web, body);
        update("PATCH", id, Map.of("stage", "FORMAL"), "1").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("stage")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("/stage-transitions"));
        update("PATCH", id, Map.of("activistOn", "2023-04-01", "education", "硕士"), "1").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("activistOn")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("/corrections"));
        update("PATCH", id, Map.of("status", "LEFT"), "1").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        update("PATCH", id, Map.of("nickname", "小李"), "1").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("is not a field this request takes");
        Map<String, Object> whole = new HashMap<>(body);
        whole.remove("appliedOn");
        whole.remove("activistOn");
        whole.put("partyOrganizationId", "po-gate");
        whole.put("stage", "DEVELOPMENT_TARGET");
        update("PUT", id, whole, "1").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("stage");
        Member unchanged = mongo.findById(id, Member.class).block();
        assertThat(unchanged.version()).isEqualTo(1);
        assertThat(unchanged.stage()).hasToString("ACTIVIST");
        assertThat(unchanged.stageDates().activistOn()).isEqualTo(LocalDate.of(2023, 3, 1));
        assertThat(unchanged.education()).isEqualTo("本科");

        whole.remove("stage");
        update("PUT", id, whole, "1").expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.stage").isEqualTo("ACTIVIST");
    }

    private WebTestClient.ResponseSpec correct(String id, Map<String, Object> body, String bearer) {
        return web.post().uri("/api/members/" + id + "/corrections").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void aWronglyRecordedStageDateIsCorrectedWithTheRulesReCheckedAndKeptInTheHistory() {
        String id = registered(web, atStage("FORMAL", "2014-01-10", "2014-03-01", "2015-03-01", "2015-07-01", "2016-07-01"));
        // the rules are re-checked: probation would be too short
        correct(id, Map.of("field", "admittedOn", "value", "2015-08-01", "reason", "录入错误"), token(Role.DISTRICT_ADMIN))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.rule").isEqualTo(DevelopmentRules.PROBATION_PERIOD);
        correct(id, Map.of("field", "admittedOn", "value", "2015-02-01", "reason", "录入错误"), token(Role.DISTRICT_ADMIN))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("admittedOn");
        correct(id, Map.of("field", "admittedOn", "value", "2015-06-01"), token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        correct(id, Map.of("field", "stage", "value", "2015-06-01", "reason", "x"), token(Role.DISTRICT_ADMIN))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("field");
        correct(id, Map.of("field", "admittedOn", "value", "2015-06-01", "reason", "录入错误"), token(Role.AUDITOR))
                .expectStatus().isForbidden();
        correct(id, Map.of("field", "admittedOn", "value", "2015-06-01", "reason", "录入错误"), streetAdmin("DONGSHAN"))
                .expectStatus().isNotFound();
        assertThat(mongo.findById(id, Member.class).block().version()).isEqualTo(1);

        correct(id, Map.of("field", "admittedOn", "value", "2015-06-01", "reason", "入党日期录入错误，以支部大会决议为准"),
                streetAdmin("JIANSHE")).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.admittedOn").isEqualTo("2015-06-01").jsonPath("$.stage").isEqualTo("FORMAL");

        web.get().uri("/api/members/" + id + "/history").header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[0].action").isEqualTo("CORRECTED")
                .jsonPath("$.items[0].actor.roles[0]").isEqualTo("street-admin")
                .jsonPath("$.items[0].actor.username").isNotEmpty()
                .jsonPath("$.items[0].at").isNotEmpty()
                .jsonPath("$.items[0].reason").isEqualTo("入党日期录入错误，以支部大会决议为准")
                .jsonPath("$.items[0].changes[0].field").isEqualTo("admittedOn")
                .jsonPath("$.items[0].changes[0].before").isEqualTo("2015-07-01")
                .jsonPath("$.items[0].changes[0].after").isEqualTo("2015-06-01")
                .jsonPath("$.items[1].action").isEqualTo("REGISTERED");
    }

    @Test
    void everyTransitionIsInTheHistoryWithWhoRecordedItNewestFirstForWhoeverMayReadTheMember() {
        String id = registered(web, atStage("ACTIVIST", "2023-01-10", "2023-03-01"));
        web.post().uri("/api/members/" + id + "/stage-transitions").header(HttpHeaders.AUTHORIZATION, streetAdmin("JIANSHE"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("to", "DEVELOPMENT_TARGET", "on", "2024-03-01")).exchange()
                .expectStatus().isOk();
        web.post().uri("/api/members/" + id + "/stage-transitions").header(HttpHeaders.AUTHORIZATION, token(Role.COMMITTEE_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("to", "LEFT", "on", "2024-06-01", "reason", "自愿退出"))
                .exchange().expectStatus().isOk();
        web.get().uri("/api/members/" + id + "/history?size=2").header(HttpHeaders.AUTHORIZATION, MemberFixtures.secretary("po-gate"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(3).jsonPath("$.size").isEqualTo(2)
                .jsonPath("$.items[0].action").isEqualTo("LEFT").jsonPath("$.items[0].reason").isEqualTo("自愿退出")
                .jsonPath("$.items[0].actor.roles[0]").isEqualTo("committee-admin")
                .jsonPath("$.items[0].changes[?(@.field == 'status')].after").isEqualTo(List.of("LEFT"))
                .jsonPath("$.items[1].action").isEqualTo("STAGE_CHANGED")
                .jsonPath("$.items[1].actor.roles[0]").isEqualTo("street-admin")
                .jsonPath("$.items[1].changes[?(@.field == 'stage')].before").isEqualTo(List.of("ACTIVIST"))
                .jsonPath("$.items[1].changes[?(@.field == 'targetOn')].after").isEqualTo(List.of("2024-03-01"));
        web.get().uri("/api/members/" + id + "/history").header(HttpHeaders.AUTHORIZATION, streetAdmin("DONGSHAN")).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/members/" + id + "/history").header(HttpHeaders.AUTHORIZATION, token(Role.FINANCE)).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/members/nobody/history").header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN)).exchange()
                .expectStatus().isNotFound();
    }
}
