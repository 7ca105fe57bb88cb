package org.partybuilding.training;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.partybuilding.events.EventType;
import org.partybuilding.events.MemberSnapshot;
import org.partybuilding.events.PartyOrganizationSnapshot;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.TestEventPublisher;
import org.partybuilding.platform.test.TestTokens;
import org.partybuilding.training.context.Directory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every training-service API test has: the service on a random port, its database, the broker,
 * a publisher for the events of member-service and branch-service, and helpers to set up party
 * organizations and members as those services would announce them. The context (and database) is
 * shared by the test classes, so every test makes its own ids.
 */
@PlatformTest
public abstract class TrainingApiTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected ReactiveMongoTemplate mongo;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    @Autowired
    protected Directory directory;

    protected TestEventPublisher events;

    @BeforeEach
    void openPublisher() {
        events = new TestEventPublisher(broker);
    }

    @AfterEach
    void closePublisher() {
        events.close();
    }

    protected static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String token(Role role) {
        return TestTokens.bearer(TestTokens.forRole(role));
    }

    protected static String streetAdmin(String street) {
        return TestTokens.bearer(TestTokens.builder().role(Role.STREET_ADMIN).street(street).build());
    }

    protected static String secretary(String partyOrganizationId) {
        return TestTokens.bearer(TestTokens.builder().role(Role.BRANCH_SECRETARY).partyOrganization(partyOrganizationId).build());
    }

    protected static PartyOrganizationSnapshot partyOrganization(String id, long version, String street, String status,
            String secretaryId, List<String> committee) {
        return new PartyOrganizationSnapshot(id, version, "党支部" + id, "BRANCH", "SINGLE", List.of("org-" + id), street,
                "EDUCATION", "越秀区社会组织党委", LocalDate.of(2024, 7, 1), status,
                "DISSOLVED".equals(status) ? LocalDate.of(2025, 12, 31) : null, secretaryId,
                committee.stream().map(m -> new PartyOrganizationSnapshot.CommitteeSeat(m, m.equals(secretaryId) ? "SECRETARY" : "MEMBER"))
                        .toList());
    }

    /** Announces a party organization (as branch-service would) and waits until training-service knows this version. */
    protected void established(PartyOrganizationSnapshot p) {
        events.publish(p.active() ? EventType.PARTY_ORGANIZATION_ESTABLISHED : EventType.PARTY_ORGANIZATION_DISSOLVED, p);
        await().atMost(PATIENCE).until(() -> directory.partyOrganization(p.id()).filter(k -> k.version() >= p.version()).isPresent());
    }

    protected String partyOrganization(String street) {
        String id = id("po");
        established(partyOrganization(id, 1, street, "ACTIVE", null, List.of()));
        return id;
    }

    protected static MemberSnapshot member(String id, long version, String partyOrganizationId, String street, String stage,
            String status) {
        return new MemberSnapshot(id, version, "党员" + id, "FEMALE", "org-" + partyOrganizationId, partyOrganizationId, street,
                stage, status, false, false, LocalDate.of(2015, 7, 1), "FORMAL".equals(stage) ? LocalDate.of(2016, 7, 1) : null);
    }

    /** Announces a member (as member-service would) and waits until training-service knows this version. */
    protected void announced(MemberSnapshot m) {
        events.publish(m.version() == 1 ? EventType.MEMBER_REGISTERED : EventType.MEMBER_UPDATED, m);
        await().atMost(PATIENCE).until(() -> directory.member(m.id()).filter(k -> k.version() >= m.version()).isPresent());
    }

    /** {@code count} formal members of the party organization, announced. */
    protected List<String> members(String partyOrganizationId, String street, int count) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = id("m");
            events.publish(EventType.MEMBER_REGISTERED, member(id, 1, partyOrganizationId, street, "FORMAL", "ACTIVE"));
            ids.add(id);
        }
        await().atMost(PATIENCE).until(() -> ids.stream().allMatch(id -> directory.member(id).isPresent()));
        return ids;
    }

    protected WebTestClient.ResponseSpec post(String uri, Object body, String bearer) {
        return web.post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    protected WebTestClient.ResponseSpec get(String uri, String bearer) {
        return web.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).accept(MediaType.APPLICATION_JSON).exchange();
    }

    protected static Map<String, Object> activity(String partyOrganizationId, String kind, String heldOn, List<String> attendees) {
        return new java.util.HashMap<>(Map.of("partyOrganizationId", partyOrganizationId, "kind", kind, "heldOn", heldOn,
                "topic", "学习贯彻党的二十届三中全会精神", "attendeeIds", attendees));
    }
}
