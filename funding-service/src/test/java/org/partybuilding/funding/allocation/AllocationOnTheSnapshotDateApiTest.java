package org.partybuilding.funding.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.events.EventType;
import org.partybuilding.events.MemberSnapshot;
import org.partybuilding.events.PartyOrganizationSnapshot;
import org.partybuilding.funding.FundingApiTestBase;
import org.partybuilding.funding.ledger.LedgerEntry;
import org.partybuilding.platform.security.Role;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Rule 15 on the snapshot date (fiscal year 2007, this class's; street HUALE): members counted as they stood on
 * 2007-06-30 from their dated history — registered, transferred and left around it — and party organizations as they
 * stood then (established after it: nothing; dissolved after it: still funded; dissolved before: nothing), also when
 * events arrive twice and out of order, and with the event's day standing in for dates older events do not carry.
 */
class AllocationOnTheSnapshotDateApiTest extends FundingApiTestBase {

    private static final String STREET = "HUALE";
    private static final LocalDate ADMITTED = LocalDate.of(2004, 1, 1);

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static Instant timeOf(String iso) {
        return day(iso).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    private void partyOrganization(String id, long version, String establishedOn, String status, String dissolvedOn) {
        events.publish(version == 1 ? EventType.PARTY_ORGANIZATION_ESTABLISHED : EventType.PARTY_ORGANIZATION_DISSOLVED,
                new PartyOrganizationSnapshot(id, version, "中共" + id + "支部委员会", "BRANCH", "SINGLE", java.util.List.of("org-" + id),
                        STREET, "EDUCATION", "中共越秀区社会组织工作委员会", day(establishedOn), status,
                        dissolvedOn == null ? null : day(dissolvedOn)));
        awaitPartyOrganization(id, version);
    }

    /** A formal member's event: in {@code po} since {@code since}, {@code status} since {@code statusSince}. */
    private static MemberSnapshot formal(String id, long version, String po, String since, String status, String statusSince) {
        return member(id, version, "org-" + po, po, STREET, "FORMAL", status, ADMITTED, since == null ? null : day(since),
                statusSince == null ? null : day(statusSince));
    }

    private void told(MemberSnapshot member) {
        events.publish(member.version() == 1 ? EventType.MEMBER_REGISTERED : EventType.MEMBER_UPDATED, member);
        awaitMember(member.id(), member.version());
    }

    @Test
    void anAllocationForAnEarlierYearCountsTheMembersAndPartyOrganizationsOfItsSnapshotDate() {
        partyOrganization("po-s-x", 1, "2006-03-01", "ACTIVE", null);
        partyOrganization("po-s-z", 1, "2005-01-10", "ACTIVE", null);
        partyOrganization("po-s-z", 2, "2005-01-10", "DISSOLVED", "2007-08-01");  // dissolved after the snapshot date
        partyOrganization("po-s-w", 1, "2005-01-10", "ACTIVE", null);
        partyOrganization("po-s-w", 2, "2005-01-10", "DISSOLVED", "2007-03-01");  // dissolved before it
        partyOrganization("po-s-y", 1, "2007-09-01", "ACTIVE", null);              // established after it

        // po-s-x: two placed on its establishment, counted; one registered into it after the snapshot date, not
        told(formal("s-x1", 1, "po-s-x", "2006-03-01", "ACTIVE", null));
        told(formal("s-x2", 1, "po-s-x", "2006-03-01", "ACTIVE", null));
        told(formal("s-late", 1, "po-s-x", "2007-07-15", "ACTIVE", null));
        // left before the snapshot date: not counted; left after it: counted where it was
        told(formal("s-gone", 1, "po-s-x", "2006-03-01", "ACTIVE", null));
        told(formal("s-gone", 2, "po-s-x", null, "LEFT", "2007-06-01"));
        told(formal("s-stayed", 1, "po-s-x", "2006-03-01", "ACTIVE", null));
        told(formal("s-stayed", 2, "po-s-x", null, "LEFT", "2007-07-01"));
        // transferred to po-s-z before the snapshot date (delivered out of order, then again): counted in po-s-z
        MemberSnapshot moverBefore = formal("s-mover", 1, "po-s-x", "2006-03-01", "ACTIVE", null);
        told(formal("s-mover", 2, "po-s-z", "2007-05-01", "ACTIVE", null));
        events.publish(EventType.MEMBER_REGISTERED, moverBefore);
        events.publish(EventType.MEMBER_TRANSFERRED, formal("s-mover", 2, "po-s-z", "2007-05-01", "ACTIVE", null));
        // transferred from po-s-z to po-s-x after it: counted in po-s-z
        told(formal("s-back", 1, "po-s-z", "2005-02-01", "ACTIVE", null));
        told(formal("s-back", 2, "po-s-x", "2007-07-01", "ACTIVE", null));
        told(formal("s-z1", 1, "po-s-z", "2005-02-01", "ACTIVE", null));
        // an older event without dates: the day of the event stands in (placed 2007-02-01: counted; 2007-08-01: not)
        events.publish(EventType.MEMBER_REGISTERED, formal("s-undated", 1, "po-s-x", null, "ACTIVE", null), timeOf("2007-02-01"));
        events.publish(EventType.MEMBER_REGISTERED, formal("s-undated-late", 1, "po-s-x", null, "ACTIVE", null),
                timeOf("2007-08-01"));
        awaitMember("s-undated", 1);
        awaitMember("s-undated-late", 1);
        // members of the party organizations that did not exist on the day
        told(formal("s-w1", 1, "po-s-w", "2005-02-01", "ACTIVE", null));
        told(formal("s-y1", 1, "po-s-y", "2007-09-01", "ACTIVE", null));
        await(() -> state.member("s-mover").map(m -> m.history().size() == 2).defaultIfEmpty(false).block());
        awaitCounted("s-mover", 1);
        awaitCounted("s-mover", 2);

        // po-s-x: s-x1, s-x2, s-stayed, s-undated = 4 × 100.00; po-s-z: s-mover, s-back, s-z1 = 3 × 100.00
        // (the run also funds the other tests' party organizations of 2000, dated long ago: only ours are looked at)
        allocate(2007, "2007-06-30", bearer(Role.DISTRICT_ADMIN)).expectStatus().isCreated();
        assertThat(entry(LedgerEntry.annualId(2007, "po-s-x")).amount()).isEqualByComparingTo("400.00");
        assertThat(entry(LedgerEntry.annualId(2007, "po-s-x")).basis()).isEqualTo("4 members × 100.00 on 2007-06-30");
        assertThat(entry(LedgerEntry.annualId(2007, "po-s-z")).amount()).isEqualByComparingTo("300.00");
        assertThat(entry(LedgerEntry.annualId(2007, "po-s-z")).members()).isEqualTo(3);
        assertThat(entry(LedgerEntry.annualId(2007, "po-s-w"))).isNull();
        assertThat(entry(LedgerEntry.annualId(2007, "po-s-y"))).isNull();
        assertThat(entries(Criteria.where("fiscalYear").is(2007).and("street").is(STREET).and("kind").is("ANNUAL_WORKING_FUNDS")))
                .hasSize(2);

        // what is stored is the history
        assertThat(state.member("s-mover").block().history()).hasSize(2);
    }

    private void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(PATIENCE).until(condition);
    }

    @Test
    void aSnapshotDateInTheFutureIsRefusedAndStoresNothing() {
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
        for (Map<String, Object> body : java.util.List.<Map<String, Object>>of(Map.of("fiscalYear", 2099, "snapshotDate", "2099-01-15"),
                Map.of("fiscalYear", tomorrow.getYear(), "snapshotDate", tomorrow.toString()))) {
            isProblem(post("/api/funding/allocations", body, bearer(Role.DISTRICT_ADMIN)), 400);
            post("/api/funding/allocations", body, bearer(Role.DISTRICT_ADMIN)).expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("snapshotDate")
                    .jsonPath("$.errors[0].message").value(message -> assertThat(message.toString()).contains("future"));
            assertThat(mongo.findById(body.get("fiscalYear"), AllocationRun.class).block()).isNull();
        }
        assertThat(entries(Criteria.where("fiscalYear").is(2099))).isEmpty();
    }
}
