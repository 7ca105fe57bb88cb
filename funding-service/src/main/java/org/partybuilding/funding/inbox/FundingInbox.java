package org.partybuilding.funding.inbox;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.partybuilding.funding.context.PartyOrganizationView;
import org.partybuilding.funding.ledger.FundingScope;
import org.partybuilding.funding.reconciliation.Reconciliation;
import org.partybuilding.platform.inbox.Inbox;
import org.partybuilding.platform.inbox.InboxItem;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/funding/inbox}: the current fiscal year's grants and allocations pending review, in the caller's scope as
 * the ledger ({@link FundingScope}): finance and the district-wide roles all, a street admin its street, a branch secretary
 * its own party organization.
 */
@RestController
@Tag(name = "inbox", description = "Work inbox (待办)")
class FundingInbox {

    private final Reconciliation reconciliation;
    private final Clock clock;

    FundingInbox(Reconciliation reconciliation, Clock clock) {
        this.reconciliation = reconciliation;
        this.clock = clock;
    }

    @GetMapping(value = "/api/funding/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start-up grants and working-fund allocations of the current fiscal year pending review, in the caller's scope")
    Mono<Inbox> inbox(@RequestParam(required = false) Integer limit, DataScope scope) {
        int max = Inbox.limit(limit);
        boolean secretaryOnly = scope.has(Role.BRANCH_SECRETARY) && !FundingScope.readsDistrict(scope) && !scope.has(Role.STREET_ADMIN);
        String street = secretaryOnly ? null : FundingScope.street(scope, null);
        String partyOrganization = FundingScope.partyOrganization(scope, null);
        if (secretaryOnly && partyOrganization == null) {
            return Mono.just(Inbox.of(List.of(), FundingInboxKind.class, max));
        }
        LocalDate today = LocalDate.now(clock);
        int fiscalYear = today.getYear();
        return reconciliation.of(fiscalYear).map(c -> {
            Map<String, PartyOrganizationView> byId = new HashMap<>();
            c.partyOrganizations().forEach(p -> byId.put(p.id(), p));
            List<InboxItem> items = FundingInboxRules.pending(fiscalYear, today, c.run(), c.result(), c.partyOrganizations(),
                    c.memberships(), byId).stream()
                    .filter(i -> (street == null || street.equals(i.street()))
                            && (partyOrganization == null || partyOrganization.equals(i.partyOrganizationId())))
                    .toList();
            return Inbox.of(items, FundingInboxKind.class, max);
        });
    }
}
