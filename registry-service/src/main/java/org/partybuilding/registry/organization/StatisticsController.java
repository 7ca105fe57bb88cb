package org.partybuilding.registry.organization;

import org.partybuilding.platform.security.DataScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

@RestController
class StatisticsController {

    private final OrganizationRegistry registry;

    StatisticsController(OrganizationRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/api/registry/statistics")
    Mono<RegistryStatistics> statistics(DataScope scope) {
        return registry.statistics(scope);
    }
}
