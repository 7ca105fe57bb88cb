package org.partybuilding.funding;

import java.time.Clock;

import org.partybuilding.platform.security.ApiAuthorization;
import org.partybuilding.platform.security.Role;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/**
 * funding-service: funding (经费) of social-organization party organizations — the policy per
 * fiscal year, and (next issues) start-up grants, annual working funds, dues (党费) returned, the
 * ledger and the reports district finance pulls.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FundingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FundingServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Coarse role rules. Only district-admin changes the funding policy (API.md: committee-admin may
     * do everything else). Every role reads it: it holds no personal data, and street admins and
     * branch secretaries need it to understand the funds their party organizations receive.
     */
    @Bean
    ApiAuthorization fundingAuthorization() {
        String[] policyReaders = {Role.DISTRICT_ADMIN.realmRole(), Role.COMMITTEE_ADMIN.realmRole(), Role.FINANCE.realmRole(),
                Role.AUDITOR.realmRole(), Role.STREET_ADMIN.realmRole(), Role.BRANCH_SECRETARY.realmRole()};
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/funding/policies/*").hasAnyRole(policyReaders)
                .pathMatchers("/api/funding/policies/**").hasRole(Role.DISTRICT_ADMIN.realmRole());
    }
}
