package org.partybuilding.funding.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.events.EventType;
import org.partybuilding.funding.FundingApiTestBase;
import org.partybuilding.funding.ledger.LedgerEntry;
import org.partybuilding.platform.security.Role;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * {@code POST /api/funding/allocations} (rule 15) for a small district computed by hand. Fiscal years 2000–2002
 * are this class's: every party organization of the other tests was established later, so it gets nothing here.
 */
class AllocationApiTest extends FundingApiTestBase {

    private static final LocalDate BEFORE = LocalDate.of(2000, 3, 1);

    /**
     * The district on 2001-06-30, at 120.00 per member (the 2001 policy):
     * <ul>
     * <li>po-a1 (LIUHUA): 3 formal + 2 probationary active = 5; not counted: one who left, an activist, one admitted on
     *     2001-08-01 (after the snapshot date) → 5 × 120.00 = 600.00</li>
     * <li>po-a2 (LIUHUA): 7 formal; not counted: one transferred out of the district, and one who moved to po-a3
     *     (delivered again out of order afterwards) → 7 × 120.00 = 840.00</li>
     * <li>po-a3 (LIURONG): 1 probationary + the one who moved = 2 → 240.00</li>
     * <li>po-a4 (LIURONG): established 2001-09-01, after the snapshot date → nothing</li>
     * <li>po-a5 (LIURONG): dissolved → nothing</li>
     * </ul>
     * Total 1,680.00 for 3 party organizations and 14 members.
     */
    private void district2001() {
        establish("po-a1", "LIUHUA", BEFORE, "org-a1");
        establish("po-a2", "LIUHUA", BEFORE, "org-a2");
        establish("po-a3", "LIURONG", BEFORE, "org-a3");
        establish("po-a4", "LIURONG", LocalDate.of(2001, 9, 1), "org-a4");
        establish("po-a5", "LIURONG", BEFORE, "org-a5");
        events.publish(EventType.PARTY_ORGANIZATION_DISSOLVED, partyOrganization("po-a5", 2, "LIURONG", "SINGLE", BEFORE,
                "DISSOLVED", "org-a5"));
        awaitPartyOrganization("po-a5", 2);

        members("a1-formal", 3, "org-a1", "po-a1", "LIUHUA", "FORMAL", BEFORE);
        members("a1-probationary", 2, "org-a1", "po-a1", "LIUHUA", "PROBATIONARY", BEFORE);
        member(member("a1-left", 1, "org-a1", "po-a1", "LIUHUA", "FORMAL", "LEFT", BEFORE));
        member(member("a1-activist", 1, "org-a1", "po-a1", "LIUHUA", "ACTIVIST", "ACTIVE", null));
        member(member("a1-late", 1, "org-a1", "po-a1", "LIUHUA", "PROBATIONARY", "ACTIVE", LocalDate.of(2001, 8, 1)));

        members("a2-formal", 7, "org-a2", "po-a2", "LIUHUA", "FORMAL", BEFORE);
        member(member("a2-out", 1, "org-a2", "po-a2", "LIUHUA", "FORMAL", "TRANSFERRED_OUT", BEFORE));
        var moverBefore = member("a-mover", 1, "org-a2", "po-a2", "LIUHUA", "FORMAL", "ACTIVE", BEFORE);
        member(moverBefore);
        events.publish(EventType.MEMBER_TRANSFERRED, member("a-mover", 2, "org-a3", "po-a3", "LIURONG", "FORMAL", "ACTIVE", BEFORE));
        awaitMember("a-mover", 2);
        events.publish(EventType.MEMBER_REGISTERED, moverBefore);

        members("a3-probationary", 1, "org-a3", "po-a3", "LIURONG", "PROBATIONARY", BEFORE);
        members("a4-formal", 2, "org-a4", "po-a4", "LIURONG", "FORMAL", BEFORE);
        members("a5-formal", 4, "org-a5", "po-a5", "LIURONG", "FORMAL", BEFORE);
    }

    private void policy(int year, String perMember, String ifMatch) {
        web.put().uri("/api/funding/policies/{year}", year).header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .header(HttpHeaders.IF_MATCH, ifMatch).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("perMemberYuan", perMember, "startupYuan", "1000.00")).exchange().expectStatus().isOk();
    }

    @Test
    void theRunBooksEachPartyOrganizationsMembersTimesThePolicyAndASecondRunBooksNothing() {
        policy(2001, "120.00", "\"0\"");
        district2001();

        byte[] first = allocate(2001, "2001-06-30", bearer(Role.DISTRICT_ADMIN)).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.fiscalYear").isEqualTo(2001)
                .jsonPath("$.snapshotDate").isEqualTo("2001-06-30")
                .jsonPath("$.partyOrganizations").isEqualTo(3)
                .jsonPath("$.members").isEqualTo(14)
                .jsonPath("$.perMemberYuan").isEqualTo("120.00")
                .jsonPath("$.total").isEqualTo("1680.00")
                .jsonPath("$.status").isEqualTo("COMPLETED")
                .returnResult().getResponseBodyContent();
        // the first answer (the run's own entries summed) is the ledger's answer to a repeat, to the byte
        assertThat(new String(allocate(2001, "2001-06-30", bearer(Role.DISTRICT_ADMIN)).expectStatus().isOk().expectBody()
                .returnResult().getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(first, java.nio.charset.StandardCharsets.UTF_8));

        assertThat(entry(LedgerEntry.annualId(2001, "po-a1")).amount()).isEqualByComparingTo("600.00");
        assertThat(entry(LedgerEntry.annualId(2001, "po-a1")).members()).isEqualTo(5);
        assertThat(entry(LedgerEntry.annualId(2001, "po-a1")).basis()).isEqualTo("5 members × 120.00 on 2001-06-30");
        assertThat(entry(LedgerEntry.annualId(2001, "po-a2")).amount()).isEqualByComparingTo("840.00");
        assertThat(entry(LedgerEntry.annualId(2001, "po-a3")).amount()).isEqualByComparingTo("240.00");
        assertThat(entry(LedgerEntry.annualId(2001, "po-a3")).street()).isEqualTo("LIURONG");
        assertThat(entry(LedgerEntry.annualId(2001, "po-a4"))).isNull();
        assertThat(entry(LedgerEntry.annualId(2001, "po-a5"))).isNull();
        assertThat(entries(Criteria.where("fiscalYear").is(2001).and("kind").is("ANNUAL_WORKING_FUNDS"))).hasSize(3);

        // A later policy change rewrites nothing, and a second run (by committee-admin) answers the first run's figures.
        policy(2001, "200.00", "\"1\"");
        members("a1-more", 2, "org-a1", "po-a1", "LIUHUA", "FORMAL", BEFORE);
        allocate(2001, "2001-06-30", bearer(Role.COMMITTEE_ADMIN)).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.partyOrganizations").isEqualTo(3)
                .jsonPath("$.members").isEqualTo(14)
                .jsonPath("$.perMemberYuan").isEqualTo("120.00")
                .jsonPath("$.total").isEqualTo("1680.00");
        assertThat(entries(Criteria.where("fiscalYear").is(2001).and("kind").is("ANNUAL_WORKING_FUNDS"))).hasSize(3);
        assertThat(entry(LedgerEntry.annualId(2001, "po-a1")).amount()).isEqualByComparingTo("600.00");
        // The ledger of 2001: the run's 1,680.00 and po-a4's start-up grant, established in 2001.
        assertThat(sumOfLedger(2001)).isEqualByComparingTo("2680.00");

        // Another snapshot date for an allocated year is a conflict, and books nothing.
        isProblem(allocate(2001, "2001-12-31", bearer(Role.DISTRICT_ADMIN)), 409);
        assertThat(entries(Criteria.where("fiscalYear").is(2001).and("kind").is("ANNUAL_WORKING_FUNDS"))).hasSize(3);
    }

    @Test
    void aYearWithNobodyToFundIsARunOfNothing() {
        // Every party organization of these tests was established after 2000-01-15.
        allocate(2000, "2000-01-15", bearer(Role.DISTRICT_ADMIN)).expectStatus().isCreated().expectBody()
                .jsonPath("$.partyOrganizations").isEqualTo(0)
                .jsonPath("$.total").isEqualTo("0.00");
        allocate(2000, "2000-01-15", bearer(Role.DISTRICT_ADMIN)).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo("0.00");
    }

    @Test
    void invalidRunsAreRefusedAndStoreNothing() {
        for (Object body : List.of(Map.of("snapshotDate", "2002-06-30"), Map.of("fiscalYear", 2002),
                Map.of("fiscalYear", 2002, "snapshotDate", "2003-01-01"))) {
            isProblem(post("/api/funding/allocations", body, bearer(Role.DISTRICT_ADMIN)), 400);
        }
        post("/api/funding/allocations", Map.of("fiscalYear", 2002, "snapshotDate", "2003-01-01"), bearer(Role.DISTRICT_ADMIN))
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("snapshotDate");
        isProblem(post("/api/funding/allocations", Map.of("fiscalYear", 2002, "snapshotDate", "30.06.2002"),
                bearer(Role.DISTRICT_ADMIN)), 400);
        assertThat(mongo.findById(2002, AllocationRun.class).block()).isNull();
    }

    @Test
    void onlyDistrictAndCommitteeAdminsRunAllocations() {
        for (Role role : List.of(Role.FINANCE, Role.AUDITOR)) {
            isProblem(allocate(2002, "2002-06-30", bearer(role)), 403);
        }
        isProblem(allocate(2002, "2002-06-30", streetAdmin("LIUHUA")), 403);
        isProblem(allocate(2002, "2002-06-30", secretaryOf("po-a1")), 403);
        web.post().uri("/api/funding/allocations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("fiscalYear", 2002, "snapshotDate", "2002-06-30")).exchange().expectStatus().isUnauthorized();
        await().until(() -> mongo.findById(2002, AllocationRun.class).block() == null);
    }
}
