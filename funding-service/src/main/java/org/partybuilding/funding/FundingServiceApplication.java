package org.partybuilding.funding;

import java.time.Clock;

import org.partybuilding.funding.policy.PolicyDefaults;
import org.partybuilding.platform.security.ApiAuthorization;
import org.partybuilding.platform.security.Role;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/** funding-service: funding (经费): policy, start-up grants, annual working funds, dues return, the ledger. */
@SpringBootApplication
@EnableConfigurationProperties(PolicyDefaults.class)
public class FundingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FundingServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Only the district organization department changes funding policy (API.md); every role may read it. */
    @Bean
    ApiAuthorization fundingAuthorization() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.PUT, "/api/funding/policies/**").hasRole(Role.DISTRICT_ADMIN.realmRole())
                .pathMatchers(HttpMethod.GET, "/api/funding/policies/**").hasAnyRole(
                        Role.DISTRICT_ADMIN.realmRole(), Role.COMMITTEE_ADMIN.realmRole(), Role.FINANCE.realmRole(),
                        Role.AUDITOR.realmRole(), Role.STREET_ADMIN.realmRole(), Role.BRANCH_SECRETARY.realmRole());
    }
}
