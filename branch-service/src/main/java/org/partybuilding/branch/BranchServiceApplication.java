package org.partybuilding.branch;

import org.partybuilding.branch.coverage.CoverageRules;
import org.partybuilding.platform.security.ApiAuthorization;
import org.partybuilding.platform.security.Role;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/** branch-service: party organizations (党组织), coverage of the district's social organizations, joint plan. */
@SpringBootApplication
@EnableConfigurationProperties(CoverageRules.Thresholds.class)
public class BranchServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BranchServiceApplication.class, args);
    }

    /** Coarse role rules; street scope is applied per request in the coverage handler. */
    @Bean
    ApiAuthorization branchAuthorization() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/branches/coverage", "/api/branches/coverage/**")
                .hasAnyRole(Role.DISTRICT_ADMIN.realmRole(), Role.COMMITTEE_ADMIN.realmRole(),
                        Role.STREET_ADMIN.realmRole(), Role.AUDITOR.realmRole());
    }
}
