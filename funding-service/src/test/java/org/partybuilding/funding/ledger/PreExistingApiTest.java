package org.partybuilding.funding.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.events.EventType;
import org.partybuilding.events.PartyOrganizationSnapshot;
import org.partybuilding.funding.FundingApiTestBase;
import org.partybuilding.platform.security.Role;

/**
 * Rule 14 (fiscal year 2008, this class's; street KUANGQUAN): a party organization recorded as pre-existing
 * (branch-service says so in the event: established in a closed fiscal year) gets no start-up grant — nothing is
 * booked into the closed year — and the year's report names it; the district admin books one by adjustment. The
 * policy of a year says whether it is closed.
 */
class PreExistingApiTest extends FundingApiTestBase {

    private static PartyOrganizationSnapshot established(String id, long version, boolean preExisting) {
        return new PartyOrganizationSnapshot(id, version, "中共" + id + "支部委员会", "BRANCH", "SINGLE", List.of("org-" + id),
                "KUANGQUAN", "EDUCATION", "中共越秀区社会组织工作委员会", LocalDate.of(2008, 5, 1), "ACTIVE", null, null, List.of(),
                preExisting);
    }

    @Test
    void aPreExistingPartyOrganizationGetsNoGrantTheReportNamesItAndTheDistrictAdminBooksOneByAdjustment() {
        events.publish(EventType.PARTY_ORGANIZATION_ESTABLISHED, established("po-pre", 1, true));
        events.publish(EventType.PARTY_ORGANIZATION_ESTABLISHED, established("po-pre", 1, true)); // redelivered
        events.publish(EventType.PARTY_ORGANIZATION_UPDATED, established("po-pre", 2, true));
        events.publish(EventType.PARTY_ORGANIZATION_ESTABLISHED, established("po-new", 1, false));
        awaitPartyOrganization("po-pre", 2); // on its partition after both establishments and their bookings
        org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> entry(LedgerEntry.startupId("po-new")) != null);

        assertThat(entry(LedgerEntry.startupId("po-pre"))).isNull();
        assertThat(entry(LedgerEntry.startupId("po-new")).amount()).isEqualByComparingTo("1000.00");
        get("/api/funding/reports?fiscalYear=2008&groupBy=partyOrganization", bearer(Role.FINANCE)).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo("1000.00")
                .jsonPath("$.rows.length()").isEqualTo(1)
                .jsonPath("$.preExisting.length()").isEqualTo(1)
                .jsonPath("$.preExisting[0].partyOrganizationId").isEqualTo("po-pre")
                .jsonPath("$.preExisting[0].establishedOn").isEqualTo("2008-05-01");
        String csv = new String(web.get().uri("/api/funding/reports?fiscalYear=2008&groupBy=street")
                .header("Authorization", bearer(Role.FINANCE)).header("Accept", "text/csv").exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("\r\n\r\npre-existing 2008\r\n").contains("po-pre,中共po-pre支部委员会,KUANGQUAN,2008-05-01");

        // committee-admin may not; the district admin books the grant by adjustment, with its reason
        Map<String, Object> grant = Map.of("partyOrganizationId", "po-pre", "fiscalYear", 2008, "amount", "1000.00",
                "reason", "既有党组织补拨启动经费");
        isProblem(post("/api/funding/ledger/adjustments", grant, bearer(Role.COMMITTEE_ADMIN)), 403);
        post("/api/funding/ledger/adjustments", grant, bearer(Role.DISTRICT_ADMIN)).expectStatus().isCreated().expectBody()
                .jsonPath("$.kind").isEqualTo("ADJUSTMENT").jsonPath("$.amount").isEqualTo("1000.00")
                .jsonPath("$.street").isEqualTo("KUANGQUAN");
        get("/api/funding/reports?fiscalYear=2008&groupBy=kind", bearer(Role.FINANCE)).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo("2000.00")
                .jsonPath("$.rows[?(@.key == 'ADJUSTMENT')].amount").isEqualTo("1000.00");
    }

    @Test
    void theYearsPolicySaysWhetherItIsClosed() {
        int thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        get("/api/funding/policies/2008", bearer(Role.FINANCE)).expectStatus().isOk().expectBody().jsonPath("$.closed").isEqualTo(true);
        get("/api/funding/policies/" + (thisYear - 1), bearer(Role.AUDITOR)).expectStatus().isOk().expectBody()
                .jsonPath("$.closed").isEqualTo(true);
        get("/api/funding/policies/" + thisYear, bearer(Role.DISTRICT_ADMIN)).expectStatus().isOk().expectBody()
                .jsonPath("$.closed").isEqualTo(false);
        get("/api/funding/policies/" + (thisYear + 1), streetAdmin("KUANGQUAN")).expectStatus().isOk().expectBody()
                .jsonPath("$.closed").isEqualTo(false);
    }
}
