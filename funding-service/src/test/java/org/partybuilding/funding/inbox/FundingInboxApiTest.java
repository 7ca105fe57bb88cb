package org.partybuilding.funding.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partybuilding.funding.FundingApiTestBase;
import org.partybuilding.platform.inbox.Inbox;
import org.partybuilding.platform.inbox.InboxItem;
import org.partybuilding.platform.security.Role;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * {@code GET /api/funding/inbox} (street KUANGQUAN, the current fiscal year — no other test allocates it): a party
 * organization's working funds are pending until the year's run, again when the ledger differs from what the run owes,
 * and never shown outside the caller's scope.
 */
class FundingInboxApiTest extends FundingApiTestBase {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private List<InboxItem> items(String bearer, String po) {
        Inbox inbox = get("/api/funding/inbox", bearer).expectStatus().isOk().expectBody(Inbox.class).returnResult().getResponseBody();
        assertThat(inbox.counts()).containsKeys("GRANT_PENDING", "ALLOCATION_PENDING");
        return inbox.items().stream().filter(i -> i.subjectId().equals(po)).toList();
    }

    @Test
    void workingFundsArePendingUntilTheRunAndAgainWhenTheLedgerDiffersFromIt() {
        int year = TODAY.getYear();
        establish("fi-po", "KUANGQUAN", LocalDate.of(year, 1, 2), "fi-org");
        members("fi-m", 2, "fi-org", "fi-po", "KUANGQUAN", "FORMAL", LocalDate.of(2005, 1, 1));
        await().atMost(PATIENCE).until(() -> !entries(Criteria.where("partyOrganizationId").is("fi-po").and("kind").is("STARTUP_GRANT"))
                .isEmpty());

        assertThat(items(bearer(Role.COMMITTEE_ADMIN), "fi-po")).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("ALLOCATION_PENDING");
            assertThat(i.since()).isEqualTo(LocalDate.of(year, 1, 1));
            assertThat(i.route()).isEqualTo("/funding/allocation");
        });
        assertThat(items(secretaryOf("fi-po"), "fi-po")).hasSize(1);
        assertThat(items(streetAdmin("KUANGQUAN"), "fi-po")).hasSize(1);
        assertThat(items(streetAdmin("DENGFENG"), "fi-po")).isEmpty();
        assertThat(items(secretaryOf("fi-elsewhere"), "fi-po")).isEmpty();

        allocate(year, TODAY.toString(), bearer(Role.DISTRICT_ADMIN)).expectStatus().isCreated();
        assertThat(items(bearer(Role.FINANCE), "fi-po")).isEmpty();

        // a member who belonged there on the snapshot date but was not counted: the ledger differs, pending review
        member(member("fi-m-late", 1, "fi-org", "fi-po", "KUANGQUAN", "FORMAL", "ACTIVE", LocalDate.of(2008, 1, 1)));
        assertThat(items(bearer(Role.DISTRICT_ADMIN), "fi-po")).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo("ALLOCATION_PENDING");
            assertThat(i.since()).isEqualTo(TODAY);
            assertThat(i.rule()).isEqualTo(FundingInboxRules.RULE_15);
        });
    }
}
