package org.partybuilding.branch.inbox;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.partybuilding.branch.coverage.CoverageRules;
import org.partybuilding.branch.coverage.DistrictFacts;
import org.partybuilding.branch.coverage.JointPlan;
import org.partybuilding.branch.coverage.JointPlans;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.inbox.Inbox;
import org.partybuilding.platform.inbox.InboxItem;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/branches/inbox}: branch-service's part of the work inbox (待办), from the same in-memory facts as the
 * coverage report ({@link DistrictFacts}), so an item goes as soon as the gap it stands for is closed. District-wide
 * readers see the district; a street admin its street; a branch secretary its own party organization's items only.
 */
@RestController
@EnableConfigurationProperties(InboxSettings.class)
@Tag(name = "inbox", description = "Work inbox (待办)")
class BranchInbox {

    private final DistrictFacts facts;
    private final JointPlans jointPlan;
    private final BranchInboxRules rules;
    private final District district;
    private final Clock clock;

    BranchInbox(DistrictFacts facts, JointPlans jointPlan, CoverageRules coverage, InboxSettings settings, District district,
            Clock clock) {
        this.district = district;
        this.facts = facts;
        this.jointPlan = jointPlan;
        this.rules = new BranchInboxRules(coverage, settings);
        this.clock = clock;
    }

    @GetMapping(value = "/api/branches/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What is due in the caller's scope: terms ending within 90 days or ended, committees not elected, "
            + "secretaries missing, new organizations without coverage after 7 days, joint-plan proposals untouched for 30 days")
    Mono<Inbox> inbox(@RequestParam(required = false) Integer limit, DataScope scope) {
        int max = Inbox.limit(limit);
        boolean secretaryOnly = scope.has(Role.BRANCH_SECRETARY) && !scope.districtWide() && !scope.has(Role.STREET_ADMIN);
        String street = secretaryOnly ? null : scope.streetToRead(null);
        String ownPartyOrganization = secretaryOnly ? scope.partyOrganizationId() : null;
        if (secretaryOnly && ownPartyOrganization == null) {
            return Mono.just(Inbox.of(List.of(), BranchInboxKind.class, max));
        }
        return facts.current().map(snapshot -> Inbox.of(items(snapshot, street, ownPartyOrganization), BranchInboxKind.class, max));
    }

    private List<InboxItem> items(DistrictFacts.Snapshot snapshot, String street, String ownPartyOrganization) {
        LocalDate today = LocalDate.now(clock);
        List<InboxItem> items = new ArrayList<>();
        for (DistrictFacts.PartyOrganizationLine line : snapshot.partyOrganizations()) {
            if ((ownPartyOrganization == null || ownPartyOrganization.equals(line.partyOrganization().id()))
                    && (street == null || street.equals(line.partyOrganization().street()))) {
                items.addAll(rules.partyOrganization(line.facts(), line.partyOrganization().establishedOn(), today));
            }
        }
        if (ownPartyOrganization != null) {
            return items; // organizations without coverage and the joint plan are the admins' work
        }
        Map<String, LocalDate> registeredOn = new HashMap<>();
        for (DistrictFacts.OrganizationLine line : snapshot.organizations()) {
            registeredOn.put(line.organization().id(), line.organization().registeredOn());
            if (street == null || street.equals(line.organization().street())) {
                rules.organization(line.facts(), line.organization().registeredOn(), today).ifPresent(items::add);
            }
        }
        JointPlan plan = jointPlan.plan(snapshot, street);
        for (JointPlan.Proposal p : plan.proposals()) {
            LocalDate last = p.organizations().stream().map(o -> registeredOn.get(o.organizationId()))
                    .filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElse(null);
            rules.jointProposal(p.street(), p.streetName(), p.industry(),
                    p.industry() == null ? null : district.industryNames().getOrDefault(p.industry(), p.industry()), p.organizationCount(),
                    last, today).ifPresent(items::add);
        }
        return items;
    }
}
