package org.partybuilding.funding;

import static org.partybuilding.platform.security.Role.AUDITOR;
import static org.partybuilding.platform.security.Role.BRANCH_SECRETARY;
import static org.partybuilding.platform.security.Role.COMMITTEE_ADMIN;
import static org.partybuilding.platform.security.Role.DISTRICT_ADMIN;
import static org.partybuilding.platform.security.Role.FINANCE;
import static org.partybuilding.platform.security.Role.STREET_ADMIN;
import static org.partybuilding.platform.security.Role.realmRoles;

import org.partybuilding.platform.security.ApiAuthorization;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/**
 * funding-service: funding (经费) of social-organization party organizations — the policy per
 * fiscal year, start-up grants, annual working funds, dues (党费) returned, the ledger, and the
 * reports and budget forecast district finance pulls.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FundingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FundingServiceApplication.class, args);
    }

    /**
     * Coarse role rules; the services check role and data scope again. Only district-admin changes the funding
     * policy and books adjustments (API.md: committee-admin may do everything else, so it runs allocations too).
     * Every role reads the policy: it holds no personal data. finance (also the district-finance machine client)
     * reads ledger, reports and forecast; street admins and secretaries read their own rows of the ledger and
     * reports, street admins their street's forecast.
     */
    @Bean
    ApiAuthorization fundingAuthorization() {
        String[] everyone = realmRoles(DISTRICT_ADMIN, COMMITTEE_ADMIN, FINANCE, AUDITOR, STREET_ADMIN, BRANCH_SECRETARY);
        String[] forecastReaders = realmRoles(DISTRICT_ADMIN, COMMITTEE_ADMIN, FINANCE, AUDITOR, STREET_ADMIN);
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/funding/policies/*", "/api/funding/policies/*/history").hasAnyRole(everyone)
                .pathMatchers("/api/funding/policies/**").hasRole(DISTRICT_ADMIN.realmRole())
                .pathMatchers(HttpMethod.POST, "/api/funding/allocations")
                .hasAnyRole(realmRoles(DISTRICT_ADMIN, COMMITTEE_ADMIN))
                .pathMatchers(HttpMethod.POST, "/api/funding/ledger/adjustments").hasRole(DISTRICT_ADMIN.realmRole())
                .pathMatchers(HttpMethod.GET, "/api/funding/ledger", "/api/funding/ledger/*/history", "/api/funding/reports")
                .hasAnyRole(everyone)
                .pathMatchers(HttpMethod.GET, "/api/funding/forecast", "/api/funding/reports/annual").hasAnyRole(forecastReaders)
                .pathMatchers(HttpMethod.GET, "/api/funding/inbox").hasAnyRole(everyone)
                .pathMatchers(HttpMethod.GET, "/api/funding/reconciliation").hasAnyRole(realmRoles(DISTRICT_ADMIN, AUDITOR));
    }
}
