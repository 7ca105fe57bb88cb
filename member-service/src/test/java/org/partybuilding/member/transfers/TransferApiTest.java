package org.partybuilding.member.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partybuilding.member.MemberFixtures.body;
import static org.partybuilding.member.MemberFixtures.registered;
import static org.partybuilding.member.MemberFixtures.secretary;
import static org.partybuilding.member.MemberFixtures.streetAdmin;
import static org.partybuilding.member.MemberFixtures.token;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partybuilding.events.CloudEventHeaders;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.MemberSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.member.MemberApiTestBase;
import org.partybuilding.member.MemberFixtures;
import org.partybuilding.member.members.Member;
import org.partybuilding.member.reports.PipelineReport;
import org.partybuilding.member.reports.TransferDueReport;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.partybuilding.platform.test.Exports;
import org.partybuilding.platform.test.TopicRecords;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Relationship transfers (rule 10), mobile members due for one (rule 9) and the pipeline report. */
class TransferApiTest extends MemberApiTestBase {

    @BeforeEach
    void context() {
        MemberFixtures.organization(events, mongo, "org-transfers", "JIANSHE");
        MemberFixtures.partyOrganization(events, mongo, "po-from", "org-transfers");
        MemberFixtures.partyOrganization(events, mongo, "po-to", "org-transfers-y");
    }

    private String formalMember(String partyOrganizationId) {
        Map<String, Object> body = body("org-transfers");
        body.putAll(Map.of("stage", "FORMAL", "appliedOn", "2014-05-01", "activistOn", "2015-05-01", "targetOn", "2016-05-01",
                "admittedOn", "2016-07-01", "confirmedOn", "2017-07-01"));
        if (partyOrganizationId != null) {
            body.put("partyOrganizationId", partyOrganizationId);
        }
        return registered(web, body);
    }

    private WebTestClient.ResponseSpec post(String uri, Object body, String bearer) {
        return web.post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private String requested(String memberId, Map<String, Object> body) {
        return post("/api/members/" + memberId + "/transfers", body, token(Role.DISTRICT_ADMIN)).expectStatus().isCreated()
                .expectBody(TransferView.class).returnResult().getResponseBody().transfer().id();
    }

    @Test
    void completingATransferOutMovesTheMemberInOneWriteWithMemberTransferred() {
        String id = formalMember("po-from");
        String transfer = requested(id, Map.of("kind", "OUT", "toPartyOrganizationId", "po-to"));
        post("/api/members/" + id + "/transfers", Map.of("kind", "OUT", "toPartyOrganizationId", "po-to"), token(Role.DISTRICT_ADMIN))
                .expectStatus().isEqualTo(409);
        post("/api/members/transfers/" + transfer + "/completion", Map.of(), streetAdmin("JIANSHE")).expectStatus().isOk()
                .expectBody().jsonPath("$.transfer.state").isEqualTo("COMPLETED").jsonPath("$.transfer.finishedOn")
                .isEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
        post("/api/members/transfers/" + transfer + "/completion", Map.of(), token(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(409);

        Member moved = mongo.findById(id, Member.class).block();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(moved.partyOrganizationId()).isEqualTo("po-to");
        assertThat(moved.partyOrganizationSince()).isEqualTo(today);
        assertThat(moved.version()).isEqualTo(3);
        var records = TopicRecords.await(broker, Topics.MEMBER_MEMBERS, id, 3);
        assertThat(CloudEventHeaders.read(records.get(2).headers()).type()).isEqualTo("partybuilding.MemberTransferred");
        MemberSnapshot transferred = EventCodec.decode(records.get(2).value(), MemberSnapshot.class);
        assertThat(transferred.partyOrganizationId()).isEqualTo("po-to");
        // in the receiving party organization from the day of completion (rule 15 counts from then)
        assertThat(transferred.partyOrganizationSince()).isEqualTo(today);
        assertThat(moved.history()).extracting(r -> r.action())
                .containsExactly("REGISTERED", "TRANSFER_REQUESTED", "TRANSFER_COMPLETED");

        web.get().uri("/api/members/transfers?state=COMPLETED&partyOrganizationId=po-to").header(HttpHeaders.AUTHORIZATION,
                token(Role.AUDITOR)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.transfer.id == '" + transfer + "')]").exists();
        web.get().uri("/api/members/transfers").header(HttpHeaders.AUTHORIZATION, streetAdmin("DONGSHAN")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[?(@.transfer.id == '" + transfer + "')]").doesNotExist();
    }

    @Test
    void theTransfersExportAsCsvAndXlsxWithinScopeWithPartyOrganizationsByName() {
        MemberFixtures.partyOrganization(events, mongo, "po-export-to", "org-transfers-z");
        String id = formalMember("po-from");
        requested(id, Map.of("kind", "OUT", "toPartyOrganizationId", "po-export-to"));

        List<List<String>> csv = Exports.lines(web, "/api/members/transfers?partyOrganizationId=po-export-to&state=REQUESTED",
                token(Role.AUDITOR), "text/csv");
        assertThat(csv.get(0)).containsExactly("党员姓名", "街道", "转接类型", "转出党组织", "转入党组织", "转往（区外）",
                "转入来源（区外）", "状态", "申请日期", "办结日期", "原因");
        assertThat(csv).hasSize(2);
        assertThat(csv.get(1).subList(0, 5)).containsExactly("李华", "建设", "区内转出", "党支部po-from", "党支部po-export-to");
        assertThat(csv.get(1).get(7)).isEqualTo("已申请");

        assertThat(Exports.lines(web, "/api/members/transfers?partyOrganizationId=po-export-to", streetAdmin("JIANSHE"),
                Spreadsheets.XLSX.toString())).hasSize(2);
        assertThat(Exports.lines(web, "/api/members/transfers?partyOrganizationId=po-export-to", streetAdmin("DONGSHAN"), "text/csv"))
                .hasSize(1);
        web.get().uri("/api/members/transfers").header(HttpHeaders.AUTHORIZATION, token(Role.FINANCE))
                .header(HttpHeaders.ACCEPT, "text/csv").exchange().expectStatus().isForbidden();
    }

    @Test
    void outOfDistrictEndsTheMembershipHereAndRejectionOrCancellationChangeNothingElse() {
        String leaving = formalMember("po-from");
        String out = requested(leaving, Map.of("kind", "OUT_OF_DISTRICT", "destination", "天河区某街道党工委"));
        post("/api/members/transfers/" + out + "/completion", Map.of("on", "2099-01-01"), token(Role.DISTRICT_ADMIN))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("on");
        post("/api/members/transfers/" + out + "/completion", Map.of(), token(Role.DISTRICT_ADMIN)).expectStatus().isOk();
        assertThat(mongo.findById(leaving, Member.class).block().status()).hasToString("TRANSFERRED_OUT");
        // the event says since when the member is no longer here (rule 15 counts until then)
        MemberSnapshot gone = EventCodec.decode(TopicRecords.await(broker, Topics.MEMBER_MEMBERS, leaving, 3).get(2).value(),
                MemberSnapshot.class);
        assertThat(gone.status()).isEqualTo("TRANSFERRED_OUT");
        assertThat(gone.statusSince()).isEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));

        String staying = formalMember("po-from");
        String rejected = requested(staying, Map.of("kind", "OUT", "toPartyOrganizationId", "po-to"));
        post("/api/members/transfers/" + rejected + "/rejection", Map.of(), token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        post("/api/members/transfers/" + rejected + "/rejection", Map.of("reason", "材料不全"), token(Role.DISTRICT_ADMIN))
                .expectStatus().isOk().expectBody().jsonPath("$.transfer.state").isEqualTo("REJECTED");
        String cancelled = requested(staying, Map.of("kind", "OUT", "toPartyOrganizationId", "po-to"));
        post("/api/members/transfers/" + cancelled + "/cancellation", Map.of(), token(Role.DISTRICT_ADMIN)).expectStatus().isOk();
        assertThat(mongo.findById(staying, Member.class).block().partyOrganizationId()).isEqualTo("po-from");
    }

    @Test
    void badTransfersAreRefusedAndOtherScopesCannotTouchThem() {
        String id = formalMember("po-from");
        post("/api/members/" + id + "/transfers", Map.of("kind", "OUT", "toPartyOrganizationId", "po-nowhere"), token(Role.DISTRICT_ADMIN))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("toPartyOrganizationId");
        post("/api/members/" + id + "/transfers", Map.of("kind", "OUT", "toPartyOrganizationId", "po-from"), token(Role.DISTRICT_ADMIN))
                .expectStatus().isBadRequest();
        post("/api/members/" + id + "/transfers", Map.of("kind", "OUT_OF_DISTRICT"), token(Role.DISTRICT_ADMIN))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("destination");
        post("/api/members/" + id + "/transfers", Map.of("kind", "SIDEWAYS"), token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest();
        post("/api/members/" + id + "/transfers", Map.of("kind", "OUT", "toPartyOrganizationId", "po-to"), streetAdmin("DONGSHAN"))
                .expectStatus().isNotFound();
        post("/api/members/" + id + "/transfers", Map.of("kind", "OUT", "toPartyOrganizationId", "po-to"), secretary("po-from"))
                .expectStatus().isForbidden();
        String transfer = requested(id, Map.of("kind", "OUT", "toPartyOrganizationId", "po-to"));
        post("/api/members/transfers/" + transfer + "/completion", Map.of(), streetAdmin("DONGSHAN")).expectStatus().isNotFound();
        post("/api/members/transfers/" + transfer + "/completion", Map.of(), token(Role.AUDITOR)).expectStatus().isForbidden();
        post("/api/members/transfers/unknown/completion", Map.of(), token(Role.DISTRICT_ADMIN)).expectStatus().isNotFound();
        assertThat(mongo.findById(id, Member.class).block().partyOrganizationId()).isEqualTo("po-from");
    }

    @Test
    void mobileMembersAreDueForATransferInAfterSixMonthsUnlessTheyHoldAPostThere() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String due = mobile(today.minusMonths(6), false);
        String notYet = mobile(today.minusMonths(6).plusDays(1), false);
        String longAgo = mobile(today.minusMonths(12), false);
        String withPost = mobile(today.minusMonths(12), true);
        TransferDueReport report = web.get().uri("/api/members/reports/transfer-due").header(HttpHeaders.AUTHORIZATION,
                token(Role.COMMITTEE_ADMIN)).exchange().expectStatus().isOk().expectBody(TransferDueReport.class).returnResult()
                .getResponseBody();
        assertThat(report.members()).extracting(TransferDueReport.Entry::memberId).contains(due, longAgo)
                .doesNotContain(notYet, withPost);
        web.get().uri("/api/members?mobile=true&size=200").header(HttpHeaders.AUTHORIZATION, token(Role.COMMITTEE_ADMIN)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[?(@.id == '" + withPost + "')]").exists()
                .jsonPath("$.items[?(@.mobile == null)]").doesNotExist();
        web.get().uri("/api/members?mobile=false&size=200").header(HttpHeaders.AUTHORIZATION, token(Role.COMMITTEE_ADMIN)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[?(@.id == '" + withPost + "')]").doesNotExist();

        // An IN transfer under way takes the member off the list; completing it ends the mobile status.
        String in = requested(due, Map.of("kind", "IN", "from", "湖南省某县党委", "toPartyOrganizationId", "po-to"));
        web.get().uri("/api/members/reports/transfer-due").header(HttpHeaders.AUTHORIZATION, token(Role.COMMITTEE_ADMIN)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.members[?(@.memberId == '" + due + "')]").doesNotExist();
        post("/api/members/transfers/" + in + "/completion", Map.of(), token(Role.DISTRICT_ADMIN)).expectStatus().isOk();
        Member settled = mongo.findById(due, Member.class).block();
        assertThat(settled.mobile()).isNull();
        assertThat(settled.partyOrganizationId()).isEqualTo("po-to");
    }

    private String mobile(LocalDate workingSince, boolean holdsPost) {
        Map<String, Object> body = body("org-transfers");
        body.putAll(Map.of("stage", "FORMAL", "appliedOn", "2014-05-01", "activistOn", "2015-05-01", "targetOn", "2016-05-01",
                "admittedOn", "2016-07-01", "confirmedOn", "2017-07-01"));
        body.put("mobile", Map.of("originalPartyOrganization", "湖南省某县党委", "certificateNo", "LD-001",
                "workingSince", workingSince.toString(), "holdsPostInOriginal", holdsPost));
        return registered(web, body);
    }

    @Test
    void thePipelineCountsStagesAndListsWhoIsDueAndFromWhen() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Map<String, Object> applicant = body("org-transfers");
        applicant.put("appliedOn", today.minusMonths(2).toString());
        String overdueTalk = registered(web, applicant);
        Map<String, Object> activist = body("org-transfers");
        activist.putAll(Map.of("stage", "ACTIVIST", "appliedOn", today.minusYears(2).toString(),
                "activistOn", today.minusYears(1).toString()));
        String eligibleActivist = registered(web, activist);
        activist.put("idNumber", MemberFixtures.idNumber(LocalDate.of(1990, 3, 7), false));
        activist.put("activistOn", today.minusYears(1).plusDays(1).toString());
        String waitingActivist = registered(web, activist);

        PipelineReport report = web.get().uri("/api/members/reports/pipeline?limit=1000").header(HttpHeaders.AUTHORIZATION,
                streetAdmin("JIANSHE")).exchange().expectStatus().isOk().expectBody(PipelineReport.class).returnResult()
                .getResponseBody();
        assertThat(report.byStage().get("ACTIVIST")).isGreaterThanOrEqualTo(2);
        assertThat(report.applicantTalksOverdue().members()).extracting(PipelineReport.Entry::memberId).contains(overdueTalk);
        List<PipelineReport.Entry> activists = report.activistsForTarget().members();
        assertThat(activists).filteredOn(e -> e.memberId().equals(eligibleActivist)).singleElement()
                .satisfies(e -> assertThat(e.eligibleNow()).isTrue()).satisfies(e -> assertThat(e.eligibleFrom()).isEqualTo(today));
        assertThat(activists).filteredOn(e -> e.memberId().equals(waitingActivist)).singleElement()
                .satisfies(e -> assertThat(e.eligibleNow()).isFalse());
        web.get().uri("/api/members/reports/pipeline?street=DONGSHAN").header(HttpHeaders.AUTHORIZATION, streetAdmin("JIANSHE"))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/members/reports/pipeline").header(HttpHeaders.AUTHORIZATION, token(Role.FINANCE))
                .exchange().expectStatus().isForbidden();
    }
}
