package org.partybuilding.member;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.partybuilding.events.EventType;
import org.partybuilding.events.OrganizationSnapshot;
import org.partybuilding.events.PartyOrganizationSnapshot;
import org.partybuilding.events.TrainingAttendanceSnapshot;
import org.partybuilding.member.context.KnownOrganization;
import org.partybuilding.member.context.KnownPartyOrganization;
import org.partybuilding.member.context.TrainingAttendance;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.TestEventPublisher;
import org.partybuilding.platform.test.TestTokens;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Valid ID numbers, registration bodies, tokens, and the events of other services that members depend on. */
public final class MemberFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(1);
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private MemberFixtures() {
    }

    /** A valid ID number of someone born on {@code birth}; odd sequence for men, even for women. */
    public static String idNumber(LocalDate birth, boolean male) {
        int sequence = (SEQUENCE.getAndIncrement() % 499) * 2 + (male ? 1 : 2);
        String body = "440104" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    public static String token(Role role) {
        return TestTokens.bearer(TestTokens.forRole(role));
    }

    public static String streetAdmin(String street) {
        return TestTokens.bearer(TestTokens.builder().role(Role.STREET_ADMIN).street(street).build());
    }

    public static String secretary(String partyOrganizationId) {
        return TestTokens.bearer(TestTokens.builder().role(Role.BRANCH_SECRETARY).partyOrganization(partyOrganizationId).build());
    }

    /** An applicant (or further, with the dates added) born 1990-03-07, employed by {@code organizationId}. */
    public static Map<String, Object> body(String organizationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "李华");
        body.put("gender", "FEMALE");
        body.put("idNumber", idNumber(LocalDate.of(1990, 3, 7), false));
        body.put("phone", "13812345678");
        body.put("education", "本科");
        body.put("organizationId", organizationId);
        body.put("monthlyIncome", "8000.00");
        body.put("incomeCategory", "EMPLOYED");
        body.put("stage", "APPLICANT");
        body.put("appliedOn", "2020-05-01");
        return body;
    }

    public static WebTestClient.ResponseSpec register(WebTestClient web, Map<String, Object> body, String bearer) {
        return web.post().uri("/api/members").header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    public static String registered(WebTestClient web, Map<String, Object> body) {
        return register(web, body, token(Role.DISTRICT_ADMIN)).expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("id").toString();
    }

    /** Tells member-service (as registry-service would) that an organization exists in {@code street}, and waits until it knows. */
    public static void organization(TestEventPublisher events, ReactiveMongoTemplate mongo, String id, String street) {
        events.publish(EventType.ORGANIZATION_REGISTERED, new OrganizationSnapshot(id, 1, "社会组织" + id, "51440104MJ" + id,
                "SOCIAL_GROUP", "DISTRICT", LocalDate.of(2020, 1, 1), null, "EDUCATION", street, null,
                new OrganizationSnapshot.LegalRepresentative("张伟", false), 10, 5, "NORMAL", "ACTIVE", null, null));
        await().atMost(PATIENCE).until(() -> mongo.findById(id, KnownOrganization.class).blockOptional().isPresent());
    }

    public static PartyOrganizationSnapshot partyOrganization(String id, long version, String status, String... organizationIds) {
        return new PartyOrganizationSnapshot(id, version, "党支部" + id, "BRANCH", "SINGLE", List.of(organizationIds), "JIANSHE",
                "EDUCATION", "越秀区社会组织党委", LocalDate.of(2024, 7, 1), status,
                "DISSOLVED".equals(status) ? LocalDate.of(2026, 3, 1) : null);
    }

    /** A party organization of {@code street} established on {@code establishedOn} over the organizations. */
    public static PartyOrganizationSnapshot partyOrganization(String id, String street, LocalDate establishedOn,
            String... organizationIds) {
        return new PartyOrganizationSnapshot(id, 1, "党支部" + id, "BRANCH", "SINGLE", List.of(organizationIds), street,
                "EDUCATION", "越秀区社会组织党委", establishedOn, "ACTIVE", null);
    }

    /** Tells member-service a party organization was established, and waits until it knows. */
    public static void established(TestEventPublisher events, ReactiveMongoTemplate mongo, PartyOrganizationSnapshot p) {
        events.publish(EventType.PARTY_ORGANIZATION_ESTABLISHED, p);
        await().atMost(PATIENCE).until(() -> mongo.findById(p.id(), KnownPartyOrganization.class).blockOptional().isPresent());
    }

    /** Tells member-service a party organization was established, and waits until it knows. */
    public static void partyOrganization(TestEventPublisher events, ReactiveMongoTemplate mongo, String id, String... organizationIds) {
        events.publish(EventType.PARTY_ORGANIZATION_ESTABLISHED, partyOrganization(id, 1, "ACTIVE", organizationIds));
        await().atMost(PATIENCE).until(() -> mongo.findById(id, KnownPartyOrganization.class).blockOptional().isPresent());
    }

    public static TrainingAttendanceSnapshot attendance(String id, long version, String memberId, String hours) {
        return new TrainingAttendanceSnapshot(id, version, "session-" + id, memberId, TrainingAttendance.DEVELOPMENT_TARGET_TRAINING,
                new BigDecimal(hours), LocalDate.of(2025, 6, 1));
    }
}
