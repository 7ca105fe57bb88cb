package org.partybuilding.branch.coverage;

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
class JointPlanController {

    private final DistrictFacts facts;
    private final JointPlans plans;
    private final District district;

    JointPlanController(DistrictFacts facts, JointPlans plans, District district) {
        this.facts = facts;
        this.plans = plans;
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
        return facts.current().map(snapshot -> plans.plan(snapshot, scoped));
    }
}
