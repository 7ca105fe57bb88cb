package org.partybuilding.branch.coverage;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.partybuilding.branch.partyorganization.FormationRules;
import org.partybuilding.platform.district.District;
import org.springframework.stereotype.Component;

/**
 * The joint plan of DOMAIN.md §4 over a snapshot of the district: organizations with 1–2 formal members and no party
 * organization, grouped by {@link JointPlanner} with the configured rule 2 numbers. The one place the plan is built:
 * the joint-plan endpoint shows it, {@link CoverageOutlooks} announces how many it proposes per street, the work inbox
 * lists the proposals nobody acted on.
 */
@Component
public class JointPlans {

    private final FormationRules rules;
    private final District district;

    JointPlans(FormationRules rules, District district) {
        this.rules = rules;
        this.district = district;
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
