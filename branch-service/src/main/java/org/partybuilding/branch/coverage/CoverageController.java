package org.partybuilding.branch.coverage;

import org.partybuilding.platform.security.DataScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

@RestController
class CoverageController {

    private final CoverageService coverage;

    CoverageController(CoverageService coverage) {
        this.coverage = coverage;
    }

    @GetMapping("/api/branches/coverage")
    Mono<CoverageReport> coverage(@RequestParam(required = false) String street, @RequestParam(required = false) String type,
            @RequestParam(required = false) String supervisoryUnit, DataScope scope) {
        return coverage.report(new CoverageService.CoverageFilter(street, type, supervisoryUnit), scope);
    }
}
