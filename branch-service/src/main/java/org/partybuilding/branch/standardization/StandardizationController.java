package org.partybuilding.branch.standardization;

import org.partybuilding.platform.security.DataScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "standardization", description = "Standardization (规范化) of party organizations: six haves, ratings, terms")
class StandardizationController {

    private final Standardization standardization;

    StandardizationController(Standardization standardization) {
        this.standardization = standardization;
    }

    @GetMapping("/api/branches/standardization")
    @Operation(summary = "Share meeting all six haves, ratings, weak party organizations, terms due; filter street")
    Mono<StandardizationReport> report(@RequestParam(required = false) String street, DataScope scope) {
        return standardization.report(street, scope);
    }
}
