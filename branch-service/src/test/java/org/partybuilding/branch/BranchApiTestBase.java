package org.partybuilding.branch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.partybuilding.branch.member.MemberCount;
import org.partybuilding.branch.member.MemberCounts;
import org.partybuilding.branch.organization.OrganizationView;
import org.partybuilding.events.EventType;
import org.partybuilding.events.MemberSnapshot;
import org.partybuilding.events.OrganizationSnapshot;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.TestEventPublisher;
import org.partybuilding.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every branch-service API test has: the service on a random port, its database, the broker, a publisher for
 * registry and member events, and helpers to set up organizations with members. Tests of one context share the
 * database: each uses organization ids and, where it reads figures, streets of its own.
 */
@PlatformTest
public abstract class BranchApiTestBase {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected ReactiveMongoTemplate mongo;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    @Autowired
    protected MemberCounts memberCounts;

    protected TestEventPublisher events;

    @BeforeEach
    void openPublisher() {
        events = new TestEventPublisher(broker);
    }

    @AfterEach
    void closePublisher() {
        events.close();
    }

    protected static String bearer(Role role) {
        return TestTokens.bearer(TestTokens.forRole(role));
    }

    protected static String streetAdmin(String street) {
        return TestTokens.bearer(TestTokens.builder().role(Role.STREET_ADMIN).street(street).username("admin-" + street).build());
    }

    protected static String secretaryOf(String partyOrganizationId) {
        return TestTokens.bearer(TestTokens.builder().role(Role.BRANCH_SECRETARY).partyOrganization(partyOrganizationId)
                .username("secretary-" + partyOrganizationId).build());
    }

    protected static OrganizationSnapshot organization(String id, long version, String street, String industry, String type,
            String supervisoryUnit, String status) {
        boolean deregistered = "DEREGISTERED".equals(status);
        return new OrganizationSnapshot(id, version, "社会组织" + id, "51440104MJ" + id, type, "DISTRICT", LocalDate.of(2023, 5, 4),
                supervisoryUnit, industry, street, "越秀区某路1号", new OrganizationSnapshot.LegalRepresentative("张伟", false),
                12, 6, "NORMAL", status, deregistered ? LocalDate.of(2026, 10, 1) : null, deregistered ? "注销" : null);
    }

    /** Registers an active organization and waits until branch-service knows it. */
    protected void register(String id, String street) {
        register(id, street, "EDUCATION");
    }

    protected void register(String id, String street, String industry) {
        register(id, street, industry, "SOCIAL_GROUP");
    }

    protected void register(String id, String street, String industry, String type) {
        events.publish(EventType.ORGANIZATION_REGISTERED, organization(id, 1, street, industry, type, "越秀区民政局", "ACTIVE"));
        await().atMost(PATIENCE).until(() -> mongo.findById(id, OrganizationView.class, OrganizationView.COLLECTION).block() != null);
    }

    /** Deregisters the organization (version 2) and waits until branch-service knows. */
    protected void deregister(String id, String street) {
        events.publish(EventType.ORGANIZATION_DEREGISTERED, organization(id, 2, street, "EDUCATION", "SOCIAL_GROUP", "越秀区民政局",
                "DEREGISTERED"));
        await().atMost(PATIENCE).until(() -> !mongo.findById(id, OrganizationView.class, OrganizationView.COLLECTION).block().active());
    }

    protected WebTestClient.ResponseSpec assignInstructor(String bearer, String... organizationIds) {
        return web.post().uri("/api/branches/instructors").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "王指导", "phone", "13812345678", "organizationIds", List.of(organizationIds))).exchange();
    }

    protected static MemberSnapshot member(String id, long version, String organizationId, String street, String stage,
            String status, String partyOrganizationId) {
        return new MemberSnapshot(id, version, "党员" + id, "FEMALE", organizationId, partyOrganizationId, street, stage, status,
                false, false, LocalDate.of(2020, 1, 1), "FORMAL".equals(stage) ? LocalDate.of(2021, 1, 1) : null);
    }

    /** Registers {@code formal} formal and {@code probationary} probationary members employed at the organization; waits for the counts. */
    /** {@code count} EDUCATION organizations of {@code street} with {@code formal} formal members each. */
    protected void organizationsWithMembers(String prefix, String street, int count, int formal) {
        for (int i = 1; i <= count; i++) {
            register(prefix + i, street, "EDUCATION");
            members(prefix + i, street, formal, 0);
        }
    }

    protected List<String> members(String organizationId, String street, int formal, int probationary) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < formal + probationary; i++) {
            String id = organizationId + "-m" + i;
            events.publish(EventType.MEMBER_REGISTERED, member(id, 1, organizationId, street, i < formal ? "FORMAL" : "PROBATIONARY",
                    "ACTIVE", null));
            ids.add(id);
        }
        awaitCounts(organizationId, formal, probationary);
        return ids;
    }

    protected void awaitCounts(String organizationId, int formal, int probationary) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            MemberCount count = memberCounts.ofOrganization(organizationId).block();
            assertThat(count.formal()).as("formal members of " + organizationId).isEqualTo(formal);
            assertThat(count.probationary()).as("probationary members of " + organizationId).isEqualTo(probationary);
        });
    }

    /** The body of an establishment. */
    protected static Map<String, Object> establishment(String name, String type, String formation, String street,
            String... organizationIds) {
        return new java.util.LinkedHashMap<>(Map.of("name", name, "type", type, "formation", formation,
                "organizationIds", List.of(organizationIds), "street", street, "superior", "中共越秀区社会组织工作委员会",
                "establishedOn", "2025-03-01"));
    }

    protected WebTestClient.ResponseSpec establish(Object body, String bearer) {
        return web.post().uri("/api/branches").header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** Establishes and answers the new party organization's id. */
    protected String established(Object body) {
        return establish(body, bearer(Role.DISTRICT_ADMIN)).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    /** How many party organizations (any state) cover the organization: 0 after a refusal that stored nothing. */
    protected long partyOrganizationsCovering(String organizationId) {
        return mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("organizationIds").is(organizationId)),
                org.partybuilding.branch.partyorganization.PartyOrganization.class).block();
    }

    protected WebTestClient.ResponseSpec get(String path, String bearer) {
        return web.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
    }
}
