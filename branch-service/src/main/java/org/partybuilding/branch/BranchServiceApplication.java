package org.partybuilding.branch;

import java.time.Clock;
import java.time.ZoneId;

import org.partybuilding.branch.coverage.CoverageRules;
import org.partybuilding.platform.security.ApiAuthorization;
import org.partybuilding.platform.security.Role;
import org.springframework.beans.factory.annotation.Value;
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

    /** "Today" is the district's date, not the server's (terms of office end on district dates). */
    @Bean
    Clock clock(@Value("${branch.time-zone:Asia/Shanghai}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }

    @Bean
    CoverageRules coverageRules(BranchRulesProperties rules) {
        return new CoverageRules(rules.coverageThresholds());
    }

    /** Coarse role rules; the street scope is applied per request by the handlers. */
    @Bean
    ApiAuthorization branchAuthorization() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/branches/coverage", "/api/branches/coverage/**")
                .hasAnyRole(Role.DISTRICT_ADMIN.realmRole(), Role.COMMITTEE_ADMIN.realmRole(),
                        Role.STREET_ADMIN.realmRole(), Role.AUDITOR.realmRole());
    }
}
