package org.partybuilding.training.inbox;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.partybuilding.platform.inbox.Inbox;
import org.partybuilding.platform.inbox.InboxItem;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.training.compliance.ComplianceReport;
import org.partybuilding.training.compliance.ComplianceService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/training/inbox}: meetings owed in the current period, from the compliance report of the current quarter
 * (the same rules, the same scope: a street admin its street, a branch secretary its own party organization).
 */
@RestController
@Tag(name = "inbox", description = "Work inbox (待办)")
class TrainingInbox {

    private final ComplianceService compliance;
    private final Clock clock;

    TrainingInbox(ComplianceService compliance, Clock clock) {
        this.compliance = compliance;
        this.clock = clock;
    }

    @GetMapping(value = "/api/training/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Meetings owed in the current period (rule 12), per party organization and requirement, in the caller's scope")
    Mono<Inbox> inbox(@RequestParam(required = false) Integer limit, DataScope scope) {
        int max = Inbox.limit(limit);
        return Mono.fromCallable(() -> {
            ComplianceReport report = compliance.report(TrainingInboxRules.currentPeriod(LocalDate.now(clock)), null, null, null, scope);
            List<InboxItem> items = new ArrayList<>();
            report.partyOrganizations().forEach(row -> items.addAll(TrainingInboxRules.owed(row)));
            return Inbox.of(items, TrainingInboxKind.class, max);
        }).subscribeOn(Schedulers.parallel());
    }
}
