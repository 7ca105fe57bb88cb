package org.partybuilding.training;

import static org.partybuilding.platform.security.Role.AUDITOR;
import static org.partybuilding.platform.security.Role.BRANCH_SECRETARY;
import static org.partybuilding.platform.security.Role.COMMITTEE_ADMIN;
import static org.partybuilding.platform.security.Role.DISTRICT_ADMIN;
import static org.partybuilding.platform.security.Role.STREET_ADMIN;
import static org.partybuilding.platform.security.Role.realmRoles;


import org.partybuilding.platform.security.ApiAuthorization;
import org.partybuilding.training.compliance.ComplianceRules;
import org.partybuilding.training.compliance.TrainingSettings;
import org.partybuilding.training.ledger.TrainingLedger;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/** training-service: training sessions, attendance and organizational life (三会一课, 主题党日), compliance. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrainingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrainingServiceApplication.class, args);
    }


    @Bean
    ComplianceRules complianceRules(TrainingSettings settings) {
        return new ComplianceRules(settings);
    }

    @Bean
    TrainingLedger trainingLedger() {
        return new TrainingLedger();
    }

    /**
     * Coarse role rules; street and party-organization scope are checked per record. Finance reads
     * nothing here; auditors read everything; secretaries record their own organization's life.
     */
    @Bean
    ApiAuthorization trainingAuthorization() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/training/**")
                .hasAnyRole(realmRoles(DISTRICT_ADMIN, COMMITTEE_ADMIN, STREET_ADMIN, BRANCH_SECRETARY, AUDITOR))
                .pathMatchers(HttpMethod.POST, "/api/training/sessions")
                .hasAnyRole(realmRoles(DISTRICT_ADMIN, COMMITTEE_ADMIN, STREET_ADMIN))
                .pathMatchers(HttpMethod.POST, "/api/training/sessions/*/attendance", "/api/training/activities")
                .hasAnyRole(realmRoles(DISTRICT_ADMIN, COMMITTEE_ADMIN, STREET_ADMIN, BRANCH_SECRETARY))
                .pathMatchers("/api/training/**").hasAnyRole(realmRoles(DISTRICT_ADMIN, COMMITTEE_ADMIN));
    }
}
