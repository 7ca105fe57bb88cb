package org.partybuilding.member.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.partybuilding.member.MemberFixtures.body;
import static org.partybuilding.member.MemberFixtures.idNumber;
import static org.partybuilding.member.MemberFixtures.register;
import static org.partybuilding.member.MemberFixtures.registered;
import static org.partybuilding.member.MemberFixtures.secretary;
import static org.partybuilding.member.MemberFixtures.streetAdmin;
import static org.partybuilding.member.MemberFixtures.token;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partybuilding.events.EventCodec;
import org.partybuilding.events.EventType;
import org.partybuilding.events.MemberSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.member.MemberApiTestBase;
import org.partybuilding.member.MemberFixtures;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.TopicRecords;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Members: registration checks, personal data sealed and masked by role, data scope, and the context kept from events. */
class MemberApiTest extends MemberApiTestBase {

    @BeforeEach
    void context() {
        MemberFixtures.organization(events, mongo, "org-jianshe", "JIANSHE");
        MemberFixtures.organization(events, mongo, "org-dongshan", "DONGSHAN");
        MemberFixtures.partyOrganization(events, mongo, "po-jianshe", "org-jianshe");
    }

    private long stored() {
        return mongo.count(new Query(), Member.class).block();
    }

    private WebTestClient.BodyContentSpec read(String id, String bearer) {
        return web.get().uri("/api/members/" + id).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isOk().expectBody();
    }

    @Test
    void registeringStoresTheIdAndPhoneSealedPublishesNoPersonalDataAndAnswersTheMember() {
        Map<String, Object> body = body("org-jianshe");
        String idNumber = (String) body.get("idNumber");
        String id = register(web, body, token(Role.COMMITTEE_ADMIN)).expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectHeader().valueMatches(HttpHeaders.LOCATION, "/api/members/.+")
                .expectBody().jsonPath("$.idNumber").isEqualTo(idNumber).jsonPath("$.phone").isEqualTo("13812345678")
                .jsonPath("$.street").isEqualTo("JIANSHE").jsonPath("$.birthDate").isEqualTo("1990-03-07")
                .jsonPath("$.monthlyIncome").isEqualTo("8000.00")
                .returnResult().getResponseHeaders().getLocation().getPath().replace("/api/members/", "");
        Document raw = mongo.findOne(new Query(), Document.class, Member.COLLECTION).block();
        String dump = mongo.find(new Query(), Document.class, Member.COLLECTION).map(Document::toJson).collectList().block().toString();
        assertThat(raw).isNotNull();
        assertThat(dump).doesNotContain(idNumber).doesNotContain("13812345678").doesNotContain(idNumber.substring(6, 14) + "0");
        assertThat(dump).contains("v1:");

        var record = TopicRecords.await(broker, Topics.MEMBER_MEMBERS, id, 1).get(0);
        String data = new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(data).doesNotContain(idNumber).doesNotContain("13812345678");
        assertThat(EventCodec.decode(record.value(), MemberSnapshot.class).stage()).isEqualTo("APPLICANT");
    }

    @Test
    void personalDataIsMaskedByRole() {
        Map<String, Object> body = body("org-jianshe");
        body.put("partyOrganizationId", "po-jianshe");
        body.put("stage", "PROBATIONARY");
        body.put("activistOn", "2021-05-01");
        body.put("targetOn", "2022-05-01");
        body.put("admittedOn", "2022-07-01");
        String idNumber = (String) body.get("idNumber");
        String masked = idNumber.substring(0, 4) + "**********" + idNumber.substring(14);
        String id = registered(web, body);

        read(id, token(Role.DISTRICT_ADMIN)).jsonPath("$.idNumber").isEqualTo(idNumber).jsonPath("$.phone").isEqualTo("13812345678");
        read(id, token(Role.COMMITTEE_ADMIN)).jsonPath("$.idNumber").isEqualTo(idNumber);
        read(id, streetAdmin("JIANSHE")).jsonPath("$.idNumber").isEqualTo(idNumber);
        read(id, secretary("po-jianshe")).jsonPath("$.idNumber").isEqualTo(idNumber).jsonPath("$.phone").isEqualTo("13812345678");
        read(id, token(Role.AUDITOR)).jsonPath("$.idNumber").isEqualTo(masked).jsonPath("$.phone").isEqualTo("138****5678")
                // digits 7–14 of the ID number are the birth date: a masked caller sees the year only
                .jsonPath("$.birthDate").doesNotExist().jsonPath("$.birthYear").isEqualTo(1990);
        read(id, token(Role.DISTRICT_ADMIN)).jsonPath("$.birthDate").isEqualTo("1990-03-07").jsonPath("$.birthYear").isEqualTo(1990);
        web.get().uri("/api/members/" + id).header(HttpHeaders.AUTHORIZATION, streetAdmin("DONGSHAN")).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/members/" + id).header(HttpHeaders.AUTHORIZATION, secretary("po-other")).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/members/" + id).header(HttpHeaders.AUTHORIZATION, token(Role.FINANCE)).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/members?size=200").header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[?(@.idNumber == '" + idNumber + "')]").doesNotExist();
    }

    @Test
    void everyRegistrationRuleRefusesNamingTheFieldAndStoresNothing() {
        long before = stored();
        Map<String, Object> wrongCheck = body("org-jianshe");
        String id = (String) wrongCheck.get("idNumber");
        wrongCheck.put("idNumber", id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'));
        register(web, wrongCheck, token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("idNumber")
                .jsonPath("$.detail").value(d -> assertThat((String) d).doesNotContain(id.substring(0, 17)));

        Map<String, Object> wrongGender = body("org-jianshe");
        wrongGender.put("gender", "MALE");
        wrongGender.put("birthDate", "1991-01-01");
        wrongGender.put("phone", "12345");
        register(web, wrongGender, token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'phone')]").exists();
        wrongGender.put("phone", "13800000000");
        register(web, wrongGender, token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'gender')]").exists()
                .jsonPath("$.errors[?(@.field == 'birthDate')]").exists();

        Map<String, Object> dates = body("org-jianshe");
        dates.put("stage", "ACTIVIST");
        dates.put("activistOn", "2019-01-01");
        register(web, dates, token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("activistOn");
        dates.put("activistOn", LocalDate.now().plusDays(2).toString());
        register(web, dates, token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("activistOn");
        dates.put("activistOn", "2021-01-01");
        dates.put("confirmedOn", "2022-01-01");
        register(web, dates, token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("confirmedOn");

        Map<String, Object> unknownEmployer = body("org-nowhere");
        register(web, unknownEmployer, token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("organizationId");
        Map<String, Object> unknownParty = body("org-jianshe");
        unknownParty.put("partyOrganizationId", "po-nowhere");
        register(web, unknownParty, token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("partyOrganizationId");
        Map<String, Object> income = body("org-jianshe");
        income.put("monthlyIncome", "-1");
        register(web, income, token(Role.DISTRICT_ADMIN)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("monthlyIncome");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anApplicantMustBe18OnTheDayOfApplication() {
        LocalDate birth = LocalDate.of(2004, 8, 15);
        Map<String, Object> young = body("org-jianshe");
        young.put("idNumber", idNumber(birth, false));
        young.put("appliedOn", "2022-08-14");
        register(web, young, token(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo("RULE_8_APPLICANT_MINIMUM_AGE")
                .jsonPath("$.facts.allowedFrom").isEqualTo("2022-08-15");
        young.put("appliedOn", "2022-08-15");
        register(web, young, token(Role.DISTRICT_ADMIN)).expectStatus().isCreated();
    }

    @Test
    void anIdNumberIsRegisteredOnce() {
        Map<String, Object> body = body("org-jianshe");
        registered(web, body);
        long before = stored();
        body.put("name", "另一人");
        register(web, body, token(Role.DISTRICT_ADMIN)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).doesNotContain((String) body.get("idNumber")));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void streetAdminsAndSecretariesWorkOnlyInTheirScope() {
        long before = stored();
        register(web, body("org-dongshan"), streetAdmin("JIANSHE")).expectStatus().isForbidden();
        register(web, body("org-jianshe"), token(Role.AUDITOR)).expectStatus().isForbidden();
        register(web, body("org-jianshe"), secretary("po-jianshe")).expectStatus().isForbidden();
        register(web, body("org-jianshe"), token(Role.FINANCE)).expectStatus().isForbidden();
        assertThat(stored()).isEqualTo(before);

        String mine = registered(web, body("org-jianshe"));
        String theirs = registered(web, body("org-dongshan"));
        web.get().uri("/api/members?size=200").header(HttpHeaders.AUTHORIZATION, streetAdmin("JIANSHE")).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == '" + mine + "')]").exists()
                .jsonPath("$.items[?(@.id == '" + theirs + "')]").doesNotExist();
        web.get().uri("/api/members?street=DONGSHAN").header(HttpHeaders.AUTHORIZATION, streetAdmin("JIANSHE")).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/members?partyOrganizationId=po-other").header(HttpHeaders.AUTHORIZATION, secretary("po-jianshe"))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/members").header(HttpHeaders.AUTHORIZATION, token(Role.FINANCE)).exchange().expectStatus().isForbidden();
        web.patch().uri("/api/members/" + theirs).header(HttpHeaders.AUTHORIZATION, streetAdmin("JIANSHE"))
                .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "越界"))
                .exchange().expectStatus().isNotFound();
        web.patch().uri("/api/members/" + mine).header(HttpHeaders.AUTHORIZATION, streetAdmin("JIANSHE"))
                .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("organizationId", "org-dongshan")).exchange().expectStatus().isForbidden();
    }

    @Test
    void updatesNeedIfMatchValidateAndKeepTheSealedFieldsSealed() {
        String id = registered(web, body("org-jianshe"));
        web.patch().uri("/api/members/" + id).header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("phone", "13900001111")).exchange()
                .expectStatus().isEqualTo(428);
        web.patch().uri("/api/members/" + id).header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN))
                .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", "13900001111", "education", "硕士")).exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.phone").isEqualTo("13900001111").jsonPath("$.education").isEqualTo("硕士");
        web.patch().uri("/api/members/" + id).header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN))
                .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("education", "过时")).exchange().expectStatus().isEqualTo(409);
        web.patch().uri("/api/members/" + id).header(HttpHeaders.AUTHORIZATION, token(Role.DISTRICT_ADMIN))
                .header(HttpHeaders.IF_MATCH, "\"2\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("gender", "MALE")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("gender");
        String dump = mongo.find(new Query(), Document.class, Member.COLLECTION).map(Document::toJson).collectList().block().toString();
        assertThat(dump).doesNotContain("13900001111");
    }

    @Test
    void aPartyOrganizationTakesInUnassignedMembersOfItsOrganizationsAndLeavesThemTransferRequiredWhenDissolved() {
        MemberFixtures.organization(events, mongo, "org-effects", "JIANSHE");
        Map<String, Object> body = body("org-effects");
        body.put("stage", "FORMAL");
        body.put("appliedOn", "2014-05-01");
        body.put("activistOn", "2015-05-01");
        body.put("targetOn", "2016-05-01");
        body.put("admittedOn", "2016-07-01");
        body.put("confirmedOn", "2017-07-01");
        String id = registered(web, body);

        // Dissolution (version 2) arrives before establishment (version 1): nothing is assigned to a dissolved organization.
        events.publish(EventType.PARTY_ORGANIZATION_DISSOLVED, MemberFixtures.partyOrganization("po-late", 2, "DISSOLVED", "org-effects"));
        events.publish(EventType.PARTY_ORGANIZATION_ESTABLISHED, MemberFixtures.partyOrganization("po-late", 1, "ACTIVE", "org-effects"));
        events.publish(EventType.PARTY_ORGANIZATION_ESTABLISHED, MemberFixtures.partyOrganization("po-effects", 1, "ACTIVE", "org-effects"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> read(id, token(Role.DISTRICT_ADMIN))
                .jsonPath("$.partyOrganizationId").isEqualTo("po-effects"));

        // Replayed establishment changes nothing; dissolution leaves the member transferRequired, once.
        events.publish(EventType.PARTY_ORGANIZATION_ESTABLISHED, MemberFixtures.partyOrganization("po-effects", 1, "ACTIVE", "org-effects"));
        events.publish(EventType.PARTY_ORGANIZATION_DISSOLVED, MemberFixtures.partyOrganization("po-effects", 2, "DISSOLVED", "org-effects"));
        events.publish(EventType.PARTY_ORGANIZATION_DISSOLVED, MemberFixtures.partyOrganization("po-effects", 2, "DISSOLVED", "org-effects"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> read(id, token(Role.DISTRICT_ADMIN))
                .jsonPath("$.transferRequired").isEqualTo(true));
        read(id, token(Role.DISTRICT_ADMIN)).jsonPath("$.version").isEqualTo(3).jsonPath("$.partyOrganizationId").isEqualTo("po-effects");
        // the service's own changes on branch-service's events are in the history too, with a system actor
        var history = mongo.findById(id, Member.class).block().history();
        assertThat(history).extracting(r -> r.action())
                .containsExactly("REGISTERED", "PLACED_BY_PARTY_ORGANIZATION", "TRANSFER_REQUIRED_BY_DISSOLUTION");
        assertThat(history.subList(1, 3)).allSatisfy(r -> assertThat(r.actor().subject())
                .isEqualTo("system:" + org.partybuilding.events.Topics.BRANCH_PARTY_ORGANIZATIONS));
        web.get().uri("/api/members?transferRequired=true&size=200").header(HttpHeaders.AUTHORIZATION, token(Role.COMMITTEE_ADMIN))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items[?(@.id == '" + id + "')]").exists();
    }

    @Test
    void aMemberFollowsTheirOrganizationToAnotherStreet() {
        MemberFixtures.organization(events, mongo, "org-moving", "JIANSHE");
        String id = registered(web, body("org-moving"));
        events.publish(EventType.ORGANIZATION_UPDATED, new org.partybuilding.events.OrganizationSnapshot("org-moving", 2, "搬迁机构",
                "x", "SOCIAL_GROUP", "DISTRICT", LocalDate.of(2020, 1, 1), null, "EDUCATION", "HUALE", null,
                new org.partybuilding.events.OrganizationSnapshot.LegalRepresentative("张伟", false), 10, 5, "NORMAL", "ACTIVE",
                null, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> read(id, token(Role.DISTRICT_ADMIN))
                .jsonPath("$.street").isEqualTo("HUALE"));
        web.get().uri("/api/members/" + id).header(HttpHeaders.AUTHORIZATION, streetAdmin("JIANSHE")).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/members/" + id + "/history").header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].action").isEqualTo("EMPLOYER_MOVED")
                .jsonPath("$.items[0].changes[0].before").isEqualTo("JIANSHE").jsonPath("$.items[0].changes[0].after").isEqualTo("HUALE");
    }
}
