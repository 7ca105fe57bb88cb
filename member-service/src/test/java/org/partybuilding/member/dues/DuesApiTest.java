package org.partybuilding.member.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partybuilding.member.MemberFixtures.body;
import static org.partybuilding.member.MemberFixtures.registered;
import static org.partybuilding.member.MemberFixtures.secretary;
import static org.partybuilding.member.MemberFixtures.streetAdmin;
import static org.partybuilding.member.MemberFixtures.token;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partybuilding.events.CloudEventHeaders;
import org.partybuilding.events.DuesPaymentSnapshot;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.Topics;
import org.partybuilding.member.MemberApiTestBase;
import org.partybuilding.member.MemberFixtures;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.TopicRecords;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Dues through the API: the month's amount by rule 11, one payment per month, DuesPaid, the secretary's scope. */
class DuesApiTest extends MemberApiTestBase {

    private static final YearMonth THIS_MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void context() {
        MemberFixtures.organization(events, mongo, "org-dues", "JIANSHE");
        MemberFixtures.partyOrganization(events, mongo, "po-dues", "org-dues");
    }

    private String probationer(String income, String category) {
        Map<String, Object> body = body("org-dues");
        body.putAll(Map.of("stage", "PROBATIONARY", "appliedOn", "2022-01-10", "activistOn", "2022-03-01", "targetOn", "2023-03-01",
                "admittedOn", "2025-10-15", "partyOrganizationId", "po-dues",
                "monthlyIncome", income, "incomeCategory", category));
        return registered(web, body);
    }

    private WebTestClient.ResponseSpec pay(String id, Object body, String bearer) {
        return web.post().uri("/api/members/" + id + "/dues-payments").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void theMonthsDuesFollowRule11AndAreRecordedOnceWithDuesPaid() {
        String id = probationer("8000.00", "EMPLOYED");
        String month = THIS_MONTH.minusMonths(1).toString();
        web.get().uri("/api/members/" + id + "/dues?month=" + month).header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.base").isEqualTo("8000.00").jsonPath("$.rate").isEqualTo("0.015").jsonPath("$.amount").isEqualTo("120.00")
                // admitted in 2025, registered this month: months are owed from now on (rule 11), none is late yet
                .jsonPath("$.paid").doesNotExist().jsonPath("$.unpaidMonths").isEqualTo(0).jsonPath("$.arrears").isEqualTo(false);

        pay(id, Map.of("month", month, "amount", "119.99"), secretary("po-dues")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo(DuesRules.AMOUNT).jsonPath("$.facts.due").isEqualTo("120.00");
        pay(id, Map.of("month", month, "amount", "120.00"), secretary("po-dues")).expectStatus().isCreated()
                .expectBody().jsonPath("$.paid.amount").isEqualTo("120.00").jsonPath("$.unpaidMonths").isEqualTo(0)
                .jsonPath("$.arrears").isEqualTo(false);
        pay(id, Map.of("month", month, "amount", "120.00"), token(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mongo.count(Query.query(Criteria.where("memberId").is(id)), DuesPayment.class).block()).isEqualTo(1);

        var record = TopicRecords.await(broker, Topics.MEMBER_MEMBERS,
                r -> id.equals(r.key()) && CloudEventHeaders.read(r.headers()).type().equals("partybuilding.DuesPaid"), 1).get(0);
        DuesPaymentSnapshot paid = EventCodec.decode(record.value(), DuesPaymentSnapshot.class);
        assertThat(paid.amount()).isEqualTo("120.00");
        assertThat(paid.month()).isEqualTo(month);
        assertThat(paid.partyOrganizationId()).isEqualTo("po-dues");
    }

    @Test
    void badPaymentsAreRefusedAndChangeNothing() {
        String id = probationer("2000", "STUDENT");
        pay(id, Map.of("month", THIS_MONTH.plusMonths(1).toString(), "amount", "0.20"), token(Role.DISTRICT_ADMIN))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("month");
        pay(id, Map.of("month", "2026-13", "amount", "0.20"), token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest();
        pay(id, Map.of("month", THIS_MONTH.minusMonths(20).toString(), "amount", "0.20"), token(Role.DISTRICT_ADMIN))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("month");
        pay(id, Map.of("month", THIS_MONTH.toString(), "amount", "0.199"), token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("amount");
        pay(id, Map.of("month", THIS_MONTH.toString(), "amount", "0.20"), token(Role.AUDITOR)).expectStatus().isForbidden();
        pay(id, Map.of("month", THIS_MONTH.toString(), "amount", "0.20"), token(Role.FINANCE)).expectStatus().isForbidden();
        pay(id, Map.of("month", THIS_MONTH.toString(), "amount", "0.20"), secretary("po-other")).expectStatus().isNotFound();
        pay(id, Map.of("month", THIS_MONTH.toString(), "amount", "0.20"), streetAdmin("DONGSHAN")).expectStatus().isNotFound();
        assertThat(mongo.count(Query.query(Criteria.where("memberId").is(id)), DuesPayment.class).block()).isZero();
        pay(id, Map.of("month", THIS_MONTH.toString(), "amount", "0.20"), streetAdmin("JIANSHE")).expectStatus().isCreated();

        Map<String, Object> applicant = body("org-dues");
        String notYet = registered(web, applicant);
        web.get().uri("/api/members/" + notYet + "/dues?month=" + THIS_MONTH).header(HttpHeaders.AUTHORIZATION,
                token(Role.DISTRICT_ADMIN)).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo(DuesRules.PARTY_MEMBERS_ONLY);
    }
}
