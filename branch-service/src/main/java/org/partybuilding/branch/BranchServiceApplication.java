package org.partybuilding.branch;

import static org.partybuilding.platform.security.Role.AUDITOR;
import static org.partybuilding.platform.security.Role.BRANCH_SECRETARY;
import static org.partybuilding.platform.security.Role.COMMITTEE_ADMIN;
import static org.partybuilding.platform.security.Role.DISTRICT_ADMIN;
import static org.partybuilding.platform.security.Role.STREET_ADMIN;
import static org.partybuilding.platform.security.Role.realmRoles;


import org.partybuilding.branch.coverage.CoverageRules;
import org.partybuilding.branch.partyorganization.FormationRules;
import org.partybuilding.platform.security.ApiAuthorization;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/** branch-service: party organizations (党组织), the coverage (覆盖) of the district's social organizations, the joint plan. */
@SpringBootApplication
@EnableConfigurationProperties(BranchRulesProperties.class)
public class BranchServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BranchServiceApplication.class, args);
    }


    @Bean
    CoverageRules coverageRules(BranchRulesProperties rules) {
        return new CoverageRules(rules.coverageThresholds());
    }

    @Bean
    FormationRules formationRules(BranchRulesProperties rules) {
        return new FormationRules(rules.formationSettings());
    }

    /**
     * Coarse role rules; street and party-organization scope are checked per record by the handlers. District
     * reports are not a branch secretary's: it reads its own party organization and patches its six haves.
     */
    @Bean
    ApiAuthorization branchAuthorization() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/branches/coverage", "/api/branches/coverage/**",
                        "/api/branches/standardization", "/api/branches/instructors", "/api/branches/instructors/**")
                .hasAnyRole(realmRoles(DISTRICT_ADMIN, COMMITTEE_ADMIN, STREET_ADMIN, AUDITOR))
                .pathMatchers(HttpMethod.GET, "/api/branches/reports/annual")
                .hasAnyRole(realmRoles(DISTRICT_ADMIN, COMMITTEE_ADMIN, STREET_ADMIN, AUDITOR))
                .pathMatchers(HttpMethod.GET, "/api/branches", "/api/branches/*", "/api/branches/*/history")
                .hasAnyRole(realmRoles(DISTRICT_ADMIN, COMMITTEE_ADMIN, STREET_ADMIN, BRANCH_SECRETARY, AUDITOR))
                .pathMatchers(HttpMethod.PATCH, "/api/branches/*")
                .hasAnyRole(realmRoles(DISTRICT_ADMIN, COMMITTEE_ADMIN, STREET_ADMIN, BRANCH_SECRETARY))
                .pathMatchers("/api/branches", "/api/branches/**")
                .hasAnyRole(realmRoles(DISTRICT_ADMIN, COMMITTEE_ADMIN, STREET_ADMIN));
    }
}
