package org.partybuilding.funding;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.partybuilding.events.DuesPaymentSnapshot;
import org.partybuilding.events.EventType;
import org.partybuilding.events.MemberSnapshot;
import org.partybuilding.events.PartyOrganizationSnapshot;
import org.partybuilding.funding.context.DistrictState;
import org.partybuilding.funding.context.MemberChanges;
import org.partybuilding.funding.context.MemberView;
import org.partybuilding.funding.context.PartyOrganizationView;
import org.partybuilding.funding.ledger.LedgerEntry;
import org.partybuilding.funding.ledger.LedgerTotals;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.TestEventPublisher;
import org.partybuilding.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every funding API test has: the service, its database, the broker, a publisher of branch, member and
 * registry events, and helpers. Tests share the context: each uses ids, streets and fiscal years of its own.
 */
@PlatformTest
public abstract class FundingApiTestBase {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected ReactiveMongoTemplate mongo;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    @Autowired
    protected DistrictState state;

    @Autowired
    protected LedgerTotals totals;

    @Autowired
    protected MemberChanges changes;

    protected TestEventPublisher events;

    @BeforeEach
    void openPublisher() {
        events = new TestEventPublisher(broker);
        web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
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

    protected static PartyOrganizationSnapshot partyOrganization(String id, long version, String street, String formation,
            LocalDate establishedOn, String status, String... organizationIds) {
        return new PartyOrganizationSnapshot(id, version, "中共" + id + "支部委员会", "BRANCH", formation, List.of(organizationIds),
                street, "EDUCATION", "中共越秀区社会组织工作委员会", establishedOn, status,
                "DISSOLVED".equals(status) ? establishedOn.plusYears(1) : null);
    }

    /** Publishes the establishment and waits until funding knows the party organization. */
    protected void establish(String id, String street, LocalDate establishedOn, String... organizationIds) {
        events.publish(EventType.PARTY_ORGANIZATION_ESTABLISHED,
                partyOrganization(id, 1, street, "SINGLE", establishedOn, "ACTIVE", organizationIds));
        awaitPartyOrganization(id, 1);
    }

    protected void awaitPartyOrganization(String id, long version) {
        await().atMost(PATIENCE).until(() -> state.partyOrganization(id).block().map(p -> p.version() >= version).orElse(false));
    }

    /** Where the members of these tests have been since, unless a test dates them itself: before every test's years. */
    protected static final LocalDate LONG_AGO = LocalDate.of(1999, 1, 1);

    /**
     * A member as member-service dates it: in its party organization since {@link #LONG_AGO}, and a status other than
     * active since then too, so that it stands the same on every snapshot date of the tests.
     */
    protected static MemberSnapshot member(String id, long version, String organizationId, String partyOrganizationId,
            String street, String stage, String status, LocalDate admittedOn) {
        return member(id, version, organizationId, partyOrganizationId, street, stage, status, admittedOn,
                partyOrganizationId == null ? null : LONG_AGO, "ACTIVE".equals(status) ? null : LONG_AGO);
    }

    protected static MemberSnapshot member(String id, long version, String organizationId, String partyOrganizationId,
            String street, String stage, String status, LocalDate admittedOn, LocalDate partyOrganizationSince,
            LocalDate statusSince) {
        return new MemberSnapshot(id, version, "党员" + id, "FEMALE", organizationId, partyOrganizationId, street, stage, status,
                false, false, admittedOn, "FORMAL".equals(stage) && admittedOn != null ? admittedOn.plusYears(1) : null,
                partyOrganizationSince, statusSince);
    }

    /** Publishes the member and waits until funding holds that version. */
    protected void member(MemberSnapshot member) {
        events.publish(EventType.MEMBER_REGISTERED, member);
        awaitMember(member.id(), member.version());
    }

    protected void awaitMember(String id, long version) {
        await().atMost(PATIENCE).until(() -> state.member(id).map(m -> m.version() >= version).defaultIfEmpty(false).block());
        awaitCounted(id, version);
    }

    /** Until the member's write at this version is counted by {@link MemberChanges} (the consumer's last step). */
    protected void awaitCounted(String id, long version) {
        await().atMost(PATIENCE).until(() -> changes.logged(id, version).block());
    }

    /** {@code count} active members of the stage in the party organization, admitted on {@code admittedOn}. */
    protected List<String> members(String prefix, int count, String organizationId, String partyOrganizationId, String street,
            String stage, LocalDate admittedOn) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + i;
            events.publish(EventType.MEMBER_REGISTERED, member(id, 1, organizationId, partyOrganizationId, street, stage, "ACTIVE",
                    admittedOn));
            ids.add(id);
        }
        ids.forEach(id -> awaitMember(id, 1));
        return ids;
    }

    protected static DuesPaymentSnapshot dues(String memberId, String partyOrganizationId, String street, String month,
            String amount, LocalDate paidOn) {
        return new DuesPaymentSnapshot(memberId + ":" + month, 1, memberId, partyOrganizationId, street, month, amount, paidOn);
    }

    /** The entries booked and added to the totals (an entry is inserted first, then added: reports show it from then). */
    protected List<LedgerEntry> entries(Criteria criteria) {
        return mongo.find(Query.query(criteria), LedgerEntry.class).filter(e -> Boolean.TRUE.equals(e.totalled()))
                .collectList().block();
    }

    protected LedgerEntry entry(String id) {
        return mongo.findById(id, LedgerEntry.class).block();
    }

    protected BigDecimal sumOfLedger(int fiscalYear) {
        return entries(Criteria.where("fiscalYear").is(fiscalYear)).stream().map(LedgerEntry::amount)
                .reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    protected WebTestClient.ResponseSpec get(String path, String bearer) {
        return web.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
    }

    protected WebTestClient.ResponseSpec post(String path, Object body, String bearer) {
        return web.post().uri(path).header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    protected WebTestClient.ResponseSpec allocate(int fiscalYear, String snapshotDate, String bearer) {
        return post("/api/funding/allocations", Map.of("fiscalYear", fiscalYear, "snapshotDate", snapshotDate), bearer);
    }

    protected static void isProblem(WebTestClient.ResponseSpec response, int status) {
        response.expectStatus().isEqualTo(status).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status);
    }

    protected static MemberView view(MemberSnapshot snapshot) {
        return MemberView.of(snapshot, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
    }
}
