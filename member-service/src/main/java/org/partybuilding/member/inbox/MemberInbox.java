package org.partybuilding.member.inbox;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.partybuilding.member.members.MemberDirectory;
import org.partybuilding.member.reports.MemberReports;
import org.partybuilding.member.reports.PipelineReport;
import org.partybuilding.platform.inbox.Inbox;
import org.partybuilding.platform.inbox.InboxItem;
import org.partybuilding.platform.security.DataScope;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/members/inbox}: member-service's part of the work inbox (待办), from the same reports the member
 * pages show (pipeline, transfer-due, arrears) and the members flagged {@code transferRequired}, within the caller's
 * scope as every member list ({@code MemberAccess}): a street admin its street, a branch secretary its own party
 * organization's members.
 */
@RestController
@EnableConfigurationProperties(MemberInboxSettings.class)
@Tag(name = "inbox", description = "Work inbox (待办)")
class MemberInbox {

    private final MemberReports reports;
    private final MemberInboxRules rules;
    private final Clock clock;

    MemberInbox(MemberReports reports, MemberInboxSettings settings, Clock clock) {
        this.reports = reports;
        this.rules = new MemberInboxRules(settings);
        this.clock = clock;
    }

    @GetMapping(value = "/api/members/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What is due in the caller's scope: applicant talks overdue, activists eligible for target, probation "
            + "ending, mobile members due for transfer, members needing a transfer after a dissolution, dues arrears")
    Mono<Inbox> inbox(@RequestParam(required = false) Integer limit, DataScope scope) {
        int max = Inbox.limit(limit);
        LocalDate today = LocalDate.now(clock);
        // the members in scope taken once for every part
        Collection<MemberDirectory.Entry> members = reports.inScope(scope);
        Mono<List<InboxItem>> pipeline = reports.pipelineInAnyOrder(members).map(p -> {
            List<InboxItem> items = new ArrayList<>();
            p.applicantTalksOverdue().members().forEach(e -> rules.applicantTalk(e).ifPresent(items::add));
            p.activistsForTarget().members().forEach(e -> rules.activist(e).ifPresent(items::add));
            for (PipelineReport.Entry e : p.probationersForConfirmation().members()) {
                rules.probationer(e, today).ifPresent(items::add);
            }
            return items;
        });
        Mono<List<InboxItem>> mobile = Mono.fromSupplier(() -> reports.transferDueAmong(members))
                .map(r -> r.members().stream().map(e -> rules.mobileTransfer(e)).toList());
        Mono<List<InboxItem>> transfers = Mono.fromSupplier(() -> reports.transferRequiredAmong(members).stream()
                .map(m -> rules.transferRequired(m.id(), m.name(), m.street(), m.partyOrganizationId(), flaggedOn(m.flaggedAt(), today)))
                .toList());
        Mono<List<InboxItem>> arrears = reports.arrearsInAnyOrder(members)
                .map(list -> list.stream().map(rules::arrears).toList());
        return Mono.zip(pipeline, mobile, transfers, arrears).map(t -> {
            List<InboxItem> items = new ArrayList<>(t.getT1());
            items.addAll(t.getT2());
            items.addAll(t.getT3());
            items.addAll(t.getT4());
            return Inbox.of(items, MemberInboxKind.class, max);
        });
    }

    private LocalDate flaggedOn(java.time.Instant flaggedAt, LocalDate today) {
        return flaggedAt == null ? today : flaggedAt.atZone(clock.getZone()).toLocalDate();
    }
}
