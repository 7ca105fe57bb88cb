package org.partybuilding.registry.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.partybuilding.events.EventType;
import org.partybuilding.events.MemberSnapshot;
import org.partybuilding.events.PartyOrganizationSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.spreadsheet.SheetRows;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.TestEventPublisher;
import org.partybuilding.registry.organization.OrganizationFixtures;
import org.partybuilding.registry.organization.OrganizationType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.partybuilding.registry.organization.OrganizationFixtures.streetAdmin;
import static org.partybuilding.registry.organization.OrganizationFixtures.token;

/** The five-clears ledger follows branch and member events, version-guarded, and is read within the caller's street. */
@PlatformTest
class LedgerApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    WebTestClient web;

    @Autowired
    EmbeddedKafkaBroker broker;

    TestEventPublisher events;

    @BeforeEach
    void publisher() {
        events = new TestEventPublisher(broker);
    }

    @AfterEach
    void closePublisher() {
        events.close();
    }

    private String register(String name, String street, boolean headIsMember) {
        Map<String, Object> body = OrganizationFixtures.body(street, OrganizationType.PRIVATE_NON_ENTERPRISE);
        body.put("name", name);
        body.put("legalRepresentative", Map.of("name", "赵敏", "partyMember", headIsMember));
        body.put("employees", 30);
        body.put("fullTimeStaff", 18);
        return OrganizationFixtures.registered(web, body).id();
    }

    private static PartyOrganizationSnapshot partyOrganization(String id, long version, String formation, String status,
            String... organizationIds) {
        return new PartyOrganizationSnapshot(id, version, "党支部" + id, "BRANCH", formation, List.of(organizationIds), "JIANSHE",
                "EDUCATION", "越秀区社会组织党委", LocalDate.of(2024, 7, 1), status,
                "DISSOLVED".equals(status) ? LocalDate.of(2026, 3, 1) : null);
    }

    private static MemberSnapshot member(String id, long version, String organizationId, String stage, String status) {
        return new MemberSnapshot(id, version, "党员" + id, "FEMALE", organizationId, null, "JIANSHE", stage, status, false, false,
                null, null);
    }

    private LedgerEntry entry(String organizationId, String bearer) {
        List<LedgerEntry> items = web.get().uri("/api/registry/ledger?size=200").header(HttpHeaders.AUTHORIZATION, bearer)
                .accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<org.partybuilding.platform.web.PageResponse<LedgerEntry>>() {
                }).returnResult().getResponseBody().items();
        return items.stream().filter(e -> e.organizationId().equals(organizationId)).findFirst().orElse(null);
    }

    @Test
    void theLedgerShowsTheFiveClearsFromRegistryBranchAndMemberEvents() {
        String school = register("越秀区启明培训学校", "JIANSHE", true);
        String centre = register("越秀区康乐服务中心", "JIANSHE", false);
        events.publish(EventType.PARTY_ORGANIZATION_ESTABLISHED, partyOrganization("po-ledger-1", 1, "SINGLE", "ACTIVE", school));
        events.publish(EventType.PARTY_ORGANIZATION_ESTABLISHED, partyOrganization("po-ledger-joint", 1, "JOINT", "ACTIVE", school, centre));
        for (int i = 1; i <= 3; i++) {
            events.publish(EventType.MEMBER_REGISTERED, member("m-ledger-f" + i, 1, school, "FORMAL", "ACTIVE"));
        }
        events.publish(EventType.MEMBER_REGISTERED, member("m-ledger-p1", 1, school, "PROBATIONARY", "ACTIVE"));
        events.publish(EventType.MEMBER_REGISTERED, member("m-ledger-a1", 1, school, "ACTIVIST", "ACTIVE"));
        events.publish(EventType.MEMBER_REGISTERED, member("m-ledger-left", 1, centre, "FORMAL", "LEFT"));
        events.publish(EventType.MEMBER_REGISTERED, member("m-ledger-c1", 1, centre, "FORMAL", "ACTIVE"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            LedgerEntry e = entry(school, token(Role.COMMITTEE_ADMIN));
            assertThat(e.members()).isEqualTo(new LedgerEntry.Members(3, 1));
            assertThat(entry(centre, token(Role.COMMITTEE_ADMIN)).members()).isEqualTo(new LedgerEntry.Members(1, 0));
        });
        LedgerEntry schoolLine = entry(school, token(Role.AUDITOR));
        assertThat(schoolLine.partyOrganization()).isEqualTo(new LedgerEntry.PartyOrganization("po-ledger-1", "党支部po-ledger-1",
                "SINGLE", "BRANCH"));
        assertThat(schoolLine.employees()).isEqualTo(30);
        assertThat(schoolLine.fullTimeStaff()).isEqualTo(18);
        assertThat(schoolLine.legalRepresentativePartyMember()).isTrue();
        assertThat(schoolLine.operatingStatus()).hasToString("NORMAL");
        LedgerEntry centreLine = entry(centre, token(Role.AUDITOR));
        assertThat(centreLine.partyOrganization().formation()).isEqualTo("JOINT");
        assertThat(centreLine.legalRepresentativePartyMember()).isFalse();
    }

    @Test
    void redeliveredReplayedAndOutOfOrderEventsLeaveTheNewestState() {
        String org = register("越秀区乐群社工服务社", "JIANSHE", false);
        // Out of order: version 2 (confirmed as formal) arrives before version 1 (probationary).
        events.publish(EventType.MEMBER_STAGE_CHANGED, member("m-order", 2, org, "FORMAL", "ACTIVE"));
        events.publish(EventType.MEMBER_REGISTERED, member("m-order", 1, org, "PROBATIONARY", "ACTIVE"));
        events.publish(EventType.PARTY_ORGANIZATION_ESTABLISHED, partyOrganization("po-order", 1, "SINGLE", "ACTIVE", org));
        events.publish(EventType.PARTY_ORGANIZATION_DISSOLVED, partyOrganization("po-order", 2, "SINGLE", "DISSOLVED", org));
        // Events of these topics that are not the ledger's business are skipped, not dead-lettered.
        events.publish(Topics.BRANCH_PARTY_ORGANIZATIONS, EventType.INSTRUCTOR_ASSIGNED.ceType(), "instructor-1",
                "{\"id\":\"instructor-1\",\"version\":1}".getBytes(StandardCharsets.UTF_8));
        events.publish(Topics.MEMBER_MEMBERS, EventType.DUES_PAID.ceType(), "m-order",
                "{\"id\":\"m-order\",\"version\":9}".getBytes(StandardCharsets.UTF_8));
        // A member who moved to this organization later, and a marker that everything before it was handled.
        events.publish(EventType.MEMBER_REGISTERED, member("m-moved", 1, "elsewhere", "FORMAL", "ACTIVE"));
        events.publish(EventType.MEMBER_TRANSFERRED, member("m-moved", 2, org, "FORMAL", "ACTIVE"));

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(entry(org, token(Role.DISTRICT_ADMIN)).members()).isEqualTo(new LedgerEntry.Members(2, 0)));
        assertThat(entry(org, token(Role.DISTRICT_ADMIN)).partyOrganization()).isNull();

        // Replay everything from the start, and redeliver the newest: nothing changes.
        events.publish(EventType.MEMBER_REGISTERED, member("m-order", 1, org, "PROBATIONARY", "ACTIVE"));
        events.publish(EventType.MEMBER_STAGE_CHANGED, member("m-order", 2, org, "FORMAL", "ACTIVE"));
        events.publish(EventType.PARTY_ORGANIZATION_ESTABLISHED, partyOrganization("po-order", 1, "SINGLE", "ACTIVE", org));
        events.publish(EventType.PARTY_ORGANIZATION_DISSOLVED, partyOrganization("po-order", 2, "SINGLE", "DISSOLVED", org));
        events.publish(EventType.MEMBER_REGISTERED, member("m-moved", 1, "elsewhere", "FORMAL", "ACTIVE"));
        events.publish(EventType.MEMBER_LEFT, member("m-marker", 1, org, "FORMAL", "LEFT"));
        events.publish(EventType.MEMBER_REGISTERED, member("m-marker-2", 1, org, "PROBATIONARY", "ACTIVE"));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(entry(org, token(Role.DISTRICT_ADMIN)).members()).isEqualTo(new LedgerEntry.Members(2, 1)));
        assertThat(entry(org, token(Role.DISTRICT_ADMIN)).partyOrganization()).isNull();
    }

    @Test
    void theLedgerExportsAsCsvWithBomAndAsXlsx() {
        String org = register("越秀区书香阅读推广中心", "LIUHUA", true);
        events.publish(EventType.PARTY_ORGANIZATION_ESTABLISHED, partyOrganization("po-export", 1, "SINGLE", "ACTIVE", org));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(entry(org, token(Role.DISTRICT_ADMIN)).partyOrganization()).isNotNull());

        byte[] csv = web.get().uri("/api/registry/ledger?street=LIUHUA").header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR))
                .accept(Spreadsheets.TEXT_CSV).exchange().expectStatus().isOk()
                .expectHeader().contentType("text/csv;charset=UTF-8")
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, d -> assertThat(d).contains("attachment"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("社会组织名称,统一社会信用代码").contains("越秀区书香阅读推广中心").contains("流花")
                .contains("党支部po-export,单独建,党支部,0,0,是");

        byte[] xlsx = web.get().uri("/api/registry/ledger?street=LIUHUA").header(HttpHeaders.AUTHORIZATION, streetAdmin("LIUHUA"))
                .accept(Spreadsheets.XLSX).exchange().expectStatus().isOk()
                .expectHeader().contentType(Spreadsheets.XLSX)
                .expectBody(byte[].class).returnResult().getResponseBody();
        SheetRows sheet = Spreadsheets.read("ledger.xlsx", xlsx, 1000);
        assertThat(sheet.headers()).contains("正式党员", "法定代表人是否党员");
        assertThat(sheet.rows()).anySatisfy(row -> assertThat(row.cells()).contains("越秀区书香阅读推广中心", "单独建"));
    }

    @Test
    void theLedgerIsReadOnlyWithinTheCallersStreet() {
        String mine = register("越秀区华乐青少年服务中心", "HUALE", false);
        String theirs = register("越秀区东山长者服务中心", "DONGSHAN", false);
        List<LedgerEntry> seen = web.get().uri("/api/registry/ledger?size=200").header(HttpHeaders.AUTHORIZATION, streetAdmin("HUALE"))
                .accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<org.partybuilding.platform.web.PageResponse<LedgerEntry>>() {
                }).returnResult().getResponseBody().items();
        assertThat(seen).extracting(LedgerEntry::organizationId).contains(mine).doesNotContain(theirs);
        assertThat(seen).extracting(LedgerEntry::street).containsOnly("HUALE");

        web.get().uri("/api/registry/ledger?street=DONGSHAN").header(HttpHeaders.AUTHORIZATION, streetAdmin("HUALE"))
                .exchange().expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/registry/ledger?street=DONGSHAN").header(HttpHeaders.AUTHORIZATION, streetAdmin("HUALE"))
                .accept(Spreadsheets.TEXT_CSV).exchange().expectStatus().isForbidden();
        web.get().uri("/api/registry/ledger").header(HttpHeaders.AUTHORIZATION, token(Role.FINANCE))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/registry/ledger").header(HttpHeaders.AUTHORIZATION, token(Role.BRANCH_SECRETARY))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/registry/ledger").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/registry/ledger?type=CLUB").header(HttpHeaders.AUTHORIZATION, token(Role.AUDITOR))
                .exchange().expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
