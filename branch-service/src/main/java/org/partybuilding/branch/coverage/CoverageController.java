package org.partybuilding.branch.coverage;

import org.partybuilding.platform.district.District;
import org.partybuilding.platform.security.DataScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "coverage", description = "Coverage (覆盖) of the district's social organizations by party organizations and instructors")
class CoverageController {

    private final CoverageService coverage;
    private final District district;

    CoverageController(CoverageService coverage, District district) {
        this.coverage = coverage;
        this.district = district;
    }

    @GetMapping("/api/branches/coverage")
    @Operation(summary = "Coverage figures, per street, and the gap list (DOMAIN.md §4)",
            description = "district-admin, committee-admin and auditor see the district; a street-admin sees its own street "
                    + "(another street is 403). Rates are fractions with 4 decimals, null when there is nothing to divide by.")
    Mono<CoverageReport> coverage(
            @Parameter(description = "a street code of the district, e.g. JIANSHE") @RequestParam(required = false) String street,
            @Parameter(description = "SOCIAL_GROUP, PRIVATE_NON_ENTERPRISE or FOUNDATION") @RequestParam(required = false) String type,
            @Parameter(description = "the supervisory unit (业务主管单位), exactly") @RequestParam(required = false) String supervisoryUnit,
            DataScope scope) {
        return coverage.report(CoverageFilter.of(street, type, supervisoryUnit, district), scope);
    }
}
