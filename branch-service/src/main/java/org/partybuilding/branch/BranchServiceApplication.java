package org.partybuilding.branch;


import org.partybuilding.branch.coverage.CoverageRules;
import org.partybuilding.branch.partyorganization.FormationRules;
import org.partybuilding.platform.security.ApiAuthorization;
import org.partybuilding.platform.security.Role;
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
        String district = Role.DISTRICT_ADMIN.realmRole();
        String committee = Role.COMMITTEE_ADMIN.realmRole();
        String street = Role.STREET_ADMIN.realmRole();
        String secretary = Role.BRANCH_SECRETARY.realmRole();
        String auditor = Role.AUDITOR.realmRole();
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/branches/coverage", "/api/branches/coverage/**",
                        "/api/branches/standardization", "/api/branches/instructors", "/api/branches/instructors/**")
                .hasAnyRole(district, committee, street, auditor)
                .pathMatchers(HttpMethod.GET, "/api/branches/reports/annual").hasAnyRole(district, committee, street, auditor)
                .pathMatchers(HttpMethod.GET, "/api/branches", "/api/branches/*").hasAnyRole(district, committee, street, secretary, auditor)
                .pathMatchers(HttpMethod.PATCH, "/api/branches/*").hasAnyRole(district, committee, street, secretary)
                .pathMatchers("/api/branches", "/api/branches/**").hasAnyRole(district, committee, street);
    }
}
