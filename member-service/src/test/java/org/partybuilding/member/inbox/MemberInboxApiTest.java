package org.partybuilding.member.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partybuilding.member.MemberFixtures.body;
import static org.partybuilding.member.MemberFixtures.registered;
import static org.partybuilding.member.MemberFixtures.secretary;
import static org.partybuilding.member.MemberFixtures.streetAdmin;
import static org.partybuilding.member.MemberFixtures.token;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partybuilding.events.EventType;
import org.partybuilding.member.MemberApiTestBase;
import org.partybuilding.member.MemberFixtures;
import org.partybuilding.member.members.Member;
import org.partybuilding.member.transfers.TransferView;
import org.partybuilding.platform.inbox.Inbox;
import org.partybuilding.platform.inbox.InboxItem;
import org.partybuilding.platform.security.Role;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code GET /api/members/inbox} per kind (street HUANGHUAGANG, party organization po-inbox): an item appears when due,
 * goes when done, and is never shown outside the caller's scope.
 */
class MemberInboxApiTest extends MemberApiTestBase {

    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.now(DISTRICT);
    private static final String STREET = "HUANGHUAGANG";

    @BeforeEach
    void context() {
        MemberFixtures.organization(events, mongo, "org-inbox", STREET);
        MemberFixtures.organization(events, mongo, "org-inbox-diss", STREET);
        MemberFixtures.established(events, mongo, MemberFixtures.partyOrganization("po-inbox", STREET, LocalDate.of(2024, 7, 1),
                "org-inbox"));
        MemberFixtures.established(events, mongo, MemberFixtures.partyOrganization("po-inbox-diss", STREET, LocalDate.of(2024, 7, 1),
                "org-inbox-diss"));
    }

    @Test
    void aLimitOutsideItsRangeOrAnUnknownParameterIsRefusedWithAProblem() {
        for (String query : List.of("limit=-1", "limit=10001", "street=DATANG")) {
            web.get().uri("/api/members/inbox?" + query).header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN)).exchange()
                    .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        web.get().uri("/api/members/inbox").exchange().expectStatus().isUnauthorized();
    }

    private List<String> kinds(String bearer, String memberId) {
        return items(bearer, memberId).stream().map(InboxItem::kind).toList();
    }

    private List<InboxItem> items(String bearer, String memberId) {
        Inbox inbox = web.get().uri("/api/members/inbox").header(HttpHeaders.AUTHORIZATION, bearer).exchange().expectStatus().isOk()
                .expectBody(Inbox.class).returnResult().getResponseBody();
        assertThat(inbox.counts()).containsKeys("APPLICANT_TALK_OVERDUE", "ACTIVIST_ELIGIBLE_FOR_TARGET", "PROBATION_ENDING",
                "MOBILE_TRANSFER_DUE", "TRANSFER_REQUIRED", "DUES_ARREARS");
        return inbox.items().stream().filter(i -> i.subjectId().equals(memberId)).toList();
    }

    private WebTestClient.ResponseSpec post(String uri, Object body) {
        return web.post().uri(uri).header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private void patch(String id, Map<String, Object> body) {
        long version = mongo.findById(id, Member.class).block().version();
        web.patch().uri("/api/members/" + id).header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN))
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk();
    }

    private void assertOutOfScope(String memberId) {
        assertThat(kinds(streetAdmin("DATANG"), memberId)).isEmpty();
        assertThat(kinds(secretary("po-elsewhere"), memberId)).isEmpty();
    }

    @Test
    void anOverdueApplicantTalkIsDueUntilRecorded() {
        Map<String, Object> applicant = body("org-inbox");
        applicant.put("appliedOn", TODAY.minusMonths(2).toString());
        String id = registered(web, applicant);

        assertThat(items(streetAdmin(STREET), id)).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("APPLICANT_TALK_OVERDUE");
            assertThat(i.since()).isEqualTo(TODAY.minusMonths(1));
            assertThat(i.route()).isEqualTo("/members/" + id);
            assertThat(i.rule()).isEqualTo(MemberInboxRules.RULE_8);
        });
        assertThat(kinds(secretary("po-inbox"), id)).containsExactly("APPLICANT_TALK_OVERDUE");
        assertOutOfScope(id);
        web.get().uri("/api/members/inbox").header(HttpHeaders.AUTHORIZATION, token(Role.FINANCE)).exchange().expectStatus().isForbidden();

        patch(id, Map.of("applicantTalkOn", TODAY.minusDays(1).toString()));
        assertThat(kinds(token(Role.COMMITTEE_ADMIN), id)).isEmpty();
    }

    @Test
    void anActivistOfAYearIsDueUntilMadeADevelopmentTarget() {
        Map<String, Object> activist = body("org-inbox");
        activist.putAll(Map.of("stage", "ACTIVIST", "appliedOn", TODAY.minusYears(2).toString(), "activistOn",
                TODAY.minusYears(1).minusDays(3).toString()));
        String id = registered(web, activist);
        assertThat(kinds(token(Role.AUDITOR), id)).containsExactly("ACTIVIST_ELIGIBLE_FOR_TARGET");
        assertOutOfScope(id);

        post("/api/members/" + id + "/stage-transitions", Map.of("to", "DEVELOPMENT_TARGET", "on", TODAY.toString()))
                .expectStatus().is2xxSuccessful();
        assertThat(kinds(token(Role.AUDITOR), id)).isEmpty();
    }

    @Test
    void aProbationEndingWithinThirtyDaysIsDueOnItsEndAndGoesWhenConfirmed() {
        // admitted two years ago (before the training records started): the probation ended a year ago
        Map<String, Object> probationer = body("org-inbox");
        LocalDate admitted = TODAY.minusYears(2).plusDays(20);
        probationer.putAll(Map.of("stage", "PROBATIONARY", "appliedOn", "2020-01-06", "activistOn", "2021-01-06",
                "targetOn", "2022-01-06", "admittedOn", admitted.toString()));
        String ended = registered(web, probationer);
        assertThat(items(secretary("po-inbox"), ended)).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("PROBATION_ENDING");
            assertThat(i.due()).isEqualTo(admitted.plusYears(1));
        });
        assertOutOfScope(ended);

        post("/api/members/" + ended + "/stage-transitions", Map.of("to", "FORMAL", "on", TODAY.toString()))
                .expectStatus().is2xxSuccessful();
        assertThat(kinds(secretary("po-inbox"), ended)).isEmpty();
    }

    @Test
    void aMobileMemberOfSixMonthsIsDueUntilATransferInIsRequested() {
        Map<String, Object> mobile = body("org-inbox");
        mobile.putAll(Map.of("stage", "FORMAL", "appliedOn", "2014-05-01", "activistOn", "2015-05-01", "targetOn", "2016-05-01",
                "admittedOn", "2016-07-01", "confirmedOn", "2017-07-01"));
        mobile.put("mobile", Map.of("originalPartyOrganization", "湖南省某县党委", "certificateNo", "LD-IB",
                "workingSince", TODAY.minusMonths(7).toString(), "holdsPostInOriginal", false));
        String id = registered(web, mobile);
        assertThat(items(streetAdmin(STREET), id)).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("MOBILE_TRANSFER_DUE");
            assertThat(i.since()).isEqualTo(TODAY.minusMonths(1));
        });
        assertThat(kinds(streetAdmin("DATANG"), id)).isEmpty();

        post("/api/members/" + id + "/transfers", Map.of("kind", "IN", "from", "湖南省某县党委", "toPartyOrganizationId", "po-inbox"))
                .expectStatus().isCreated();
        assertThat(kinds(streetAdmin(STREET), id)).isEmpty();
    }

    @Test
    void aMemberOfADissolvedPartyOrganizationIsDueUntilTransferred() {
        Map<String, Object> formal = body("org-inbox-diss");
        formal.putAll(Map.of("stage", "FORMAL", "appliedOn", "2014-05-01", "activistOn", "2015-05-01", "targetOn", "2016-05-01",
                "admittedOn", "2016-07-01", "confirmedOn", "2017-07-01"));
        String id = registered(web, formal);
        await().atMost(Duration.ofSeconds(30)).until(() -> "po-inbox-diss".equals(mongo.findById(id, Member.class).block()
                .partyOrganizationId()));
        events.publish(EventType.PARTY_ORGANIZATION_DISSOLVED, new org.partybuilding.events.PartyOrganizationSnapshot("po-inbox-diss",
                2, "党支部po-inbox-diss", "BRANCH", "SINGLE", List.of("org-inbox-diss"), STREET, "EDUCATION", "越秀区社会组织党委",
                LocalDate.of(2024, 7, 1), "DISSOLVED", TODAY));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(id, Member.class).block().transferRequired());

        assertThat(items(secretary("po-inbox-diss"), id)).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("TRANSFER_REQUIRED");
            assertThat(i.since()).isEqualTo(TODAY);
            assertThat(i.rule()).isEqualTo(MemberInboxRules.RULE_10);
        });
        assertOutOfScope(id);

        String transfer = post("/api/members/" + id + "/transfers", Map.of("kind", "OUT", "toPartyOrganizationId", "po-inbox"))
                .expectStatus().isCreated().expectBody(TransferView.class).returnResult().getResponseBody().transfer().id();
        post("/api/members/transfers/" + transfer + "/completion", Map.of()).expectStatus().isOk();
        assertThat(kinds(token(Role.DISTRICT_ADMIN), id)).isEmpty();
    }

    @Test
    void duesArrearsAreDueSinceTheFirstUnpaidMonthUntilPaid() {
        Map<String, Object> formal = body("org-inbox");
        formal.putAll(Map.of("stage", "FORMAL", "appliedOn", "2017-03-01", "activistOn", "2017-06-01", "targetOn", "2018-06-01",
                "admittedOn", "2019-03-15", "confirmedOn", "2020-03-15"));
        String id = registered(web, formal);
        YearMonth thisMonth = YearMonth.now(DISTRICT);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("onPlatformSince", thisMonth.minusMonths(8).atDay(10)), Member.class).block();
        patch(id, Map.of("education", "硕士"));

        assertThat(items(secretary("po-inbox"), id)).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("DUES_ARREARS");
            assertThat(i.since()).isEqualTo(thisMonth.minusMonths(8).atDay(1));
        });
        assertOutOfScope(id);

        post("/api/members/" + id + "/dues-payments", Map.of("month", thisMonth.minusMonths(1).toString(), "amount", "120.00"))
                .expectStatus().isCreated();
        assertThat(kinds(secretary("po-inbox"), id)).isEmpty();
    }
}
