package org.partybuilding.member.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partybuilding.member.MemberFixtures.body;
import static org.partybuilding.member.MemberFixtures.registered;
import static org.partybuilding.member.MemberFixtures.secretary;
import static org.partybuilding.member.MemberFixtures.token;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partybuilding.member.MemberApiTestBase;
import org.partybuilding.member.MemberFixtures;
import org.partybuilding.member.MemberServiceApplication;
import org.partybuilding.member.members.Member;
import org.partybuilding.member.reports.ArrearsEntry;
import org.partybuilding.platform.inbox.Inbox;
import org.partybuilding.platform.inbox.InboxItem;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.SecondInstance;
import org.partybuilding.platform.web.PageResponse;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Each instance holds the months paid in memory ({@link PaidMonths}) for the arrears list and the work inbox: a payment
 * recorded through another instance counts in this one's very next answer (no waiting for an event), and the last
 * month paid before the current one is the same whichever instance recorded the payments.
 */
class ArrearsTwoInstancesApiTest extends MemberApiTestBase {

    @RegisterExtension
    static final SecondInstance.PerClass second = SecondInstance.perClass(MemberServiceApplication.class);

    private static final YearMonth THIS_MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void context() {
        MemberFixtures.organization(events, mongo, "org-arrears-2", "LIUHUA");
        MemberFixtures.partyOrganization(events, mongo, "po-arrears-2", "org-arrears-2");
    }

    @Test
    void aPaymentRecordedThroughAnotherInstanceCountsInThisOnesNextArrearsAndInbox() {
        Map<String, Object> member = body("org-arrears-2");
        member.putAll(Map.of("name", "两个实例", "stage", "FORMAL", "appliedOn", "2017-03-01", "activistOn", "2017-06-01",
                "targetOn", "2018-06-01", "admittedOn", "2019-03-15", "confirmedOn", "2020-03-15"));
        String id = registered(web, member);
        // as if registered twelve months ago (test set-up), then touched through this instance so its directory reads it again
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("onPlatformSince", THIS_MONTH.minusMonths(12).atDay(10)), Member.class).block();
        long version = mongo.findById(id, Member.class).block().version();
        web.patch().uri("/api/members/" + id).header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN))
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("education", "硕士")).exchange().expectStatus().isOk();
        assertThat(arrears(id)).singleElement().satisfies(e -> {
            assertThat(e.lastPaid()).isNull();
            assertThat(e.unpaidMonths()).isEqualTo(12);
        });

        // an old month and the current one, both through the other instance: still in arrears here, last paid the old one
        pay(second.web(), id, THIS_MONTH.minusMonths(9));
        pay(second.web(), id, THIS_MONTH);
        assertThat(arrears(id)).singleElement().satisfies(e -> {
            assertThat(e.lastPaid()).isEqualTo(THIS_MONTH.minusMonths(9));
            assertThat(e.unpaidSince()).isEqualTo(THIS_MONTH.minusMonths(8));
            assertThat(e.unpaidMonths()).isEqualTo(8);
        });
        assertThat(inbox(id)).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("DUES_ARREARS");
            assertThat(i.since()).isEqualTo(THIS_MONTH.minusMonths(8).atDay(1));
        });

        // last month, through the other instance: out of this instance's arrears and inbox at once
        pay(second.web(), id, THIS_MONTH.minusMonths(1));
        assertThat(arrears(id)).isEmpty();
        assertThat(inbox(id)).isEmpty();
        assertThat(second.web().get().uri("/api/members/reports/arrears?size=200").header(HttpHeaders.AUTHORIZATION,
                token(Role.DISTRICT_ADMIN)).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<PageResponse<ArrearsEntry>>() { }).returnResult().getResponseBody()
                .items()).extracting(ArrearsEntry::memberId).doesNotContain(id);
    }

    private static void pay(WebTestClient instance, String id, YearMonth month) {
        instance.post().uri("/api/members/" + id + "/dues-payments").header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("month", month.toString(), "amount", "200.00"))
                .exchange().expectStatus().isCreated();
    }

    private List<ArrearsEntry> arrears(String id) {
        return web.get().uri("/api/members/reports/arrears?size=200").header(HttpHeaders.AUTHORIZATION, token(Role.COMMITTEE_ADMIN))
                .exchange().expectStatus().isOk().expectBody(new ParameterizedTypeReference<PageResponse<ArrearsEntry>>() { })
                .returnResult().getResponseBody().items().stream().filter(e -> e.memberId().equals(id)).toList();
    }

    private List<InboxItem> inbox(String id) {
        return web.get().uri("/api/members/inbox").header(HttpHeaders.AUTHORIZATION, secretary("po-arrears-2")).exchange()
                .expectStatus().isOk().expectBody(Inbox.class).returnResult().getResponseBody().items().stream()
                .filter(i -> i.subjectId().equals(id)).toList();
    }
}
