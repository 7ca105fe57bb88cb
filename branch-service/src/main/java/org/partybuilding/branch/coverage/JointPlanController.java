package org.partybuilding.branch.coverage;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.partybuilding.branch.partyorganization.FormationRules;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.security.DataScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "coverage")
public class JointPlanController {

    private final DistrictFacts facts;
    private final FormationRules rules;
    private final District district;

    JointPlanController(DistrictFacts facts, FormationRules rules, District district) {
        this.facts = facts;
        this.rules = rules;
        this.district = district;
    }

    @GetMapping("/api/branches/coverage/joint-plan")
    @Operation(summary = "Joint plan (DOMAIN.md §4): organizations with 1–2 formal members and no party organization, "
            + "grouped by street, then industry, into proposed joint party organizations of 3+ formal members, 5 organizations at most")
    Mono<JointPlan> plan(@Parameter(description = "a street code of the district") @RequestParam(required = false) String street,
            DataScope scope) {
        String wanted = street == null || street.isBlank() ? null : street.trim();
        if (wanted != null && !district.hasStreet(wanted)) {
            throw new InvalidInputException("street", "'" + wanted + "' is not one of the district's streets");
        }
        String scoped = scope.streetToRead(wanted);
        return facts.current().map(snapshot -> plan(snapshot, scoped));
    }

    public JointPlan plan(DistrictFacts.Snapshot snapshot, String street) {
        FormationRules.Settings s = rules.settings();
        Map<String, Integer> streetOrder = new HashMap<>();
        district.streets().keySet().forEach(code -> streetOrder.put(code, streetOrder.size()));
        List<DistrictFacts.OrganizationLine> lines = snapshot.organizations().stream()
                .filter(line -> street == null || street.equals(line.organization().street()))
                .filter(line -> line.facts().active() && line.facts().coveredBy() == null
                        && line.facts().formalMembers() >= 1 && line.facts().formalMembers() < s.singleMinFormalMembers())
                .sorted(Comparator.comparingInt((DistrictFacts.OrganizationLine line) ->
                                streetOrder.getOrDefault(line.organization().street(), Integer.MAX_VALUE))
                        .thenComparing(line -> line.organization().street())
                        .thenComparing(line -> Objects.requireNonNullElse(line.organization().industry(), "~"))
                        .thenComparing(line -> CoverageReport.pinyinKey(line.organization().name())))
                .toList();
        List<JointPlanner.Candidate> candidates = lines.stream().map(line -> new JointPlanner.Candidate(line.facts().organizationId(),
                line.facts().name(), line.organization().street(), line.organization().industry(), line.facts().formalMembers(),
                line.facts().probationaryMembers())).toList();
        JointPlanner.Plan plan = new JointPlanner(s.jointMinFormalMembers(), s.jointMaxOrganizations()).plan(candidates);
        List<JointPlan.Proposal> proposals = plan.proposals().stream().map(p -> new JointPlan.Proposal(p.street(),
                district.streets().get(p.street()), p.industry(), p.organizations().size(), p.formalMembers(),
                p.organizations().stream().mapToInt(JointPlanner.Candidate::probationaryMembers).sum(),
                p.organizations().stream().map(c -> new JointPlan.Organization(c.organizationId(), c.name(), c.industry(),
                        c.formalMembers(), c.probationaryMembers())).toList())).toList();
        List<JointPlan.Ungrouped> ungrouped = plan.cannotBeGrouped().stream().map(u -> new JointPlan.Ungrouped(
                u.organization().organizationId(), u.organization().name(), u.organization().street(),
                u.organization().industry(), u.organization().formalMembers(), u.reason())).toList();
        return new JointPlan(candidates.size(), proposals.stream().mapToInt(JointPlan.Proposal::organizationCount).sum(),
                proposals, ungrouped);
    }
}
