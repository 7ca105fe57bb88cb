package org.partybuilding.training;


import org.partybuilding.platform.security.ApiAuthorization;
import org.partybuilding.platform.security.Role;
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
        String district = Role.DISTRICT_ADMIN.realmRole();
        String committee = Role.COMMITTEE_ADMIN.realmRole();
        String street = Role.STREET_ADMIN.realmRole();
        String secretary = Role.BRANCH_SECRETARY.realmRole();
        String auditor = Role.AUDITOR.realmRole();
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/training/**").hasAnyRole(district, committee, street, secretary, auditor)
                .pathMatchers(HttpMethod.POST, "/api/training/sessions").hasAnyRole(district, committee, street)
                .pathMatchers(HttpMethod.POST, "/api/training/sessions/*/attendance", "/api/training/activities")
                .hasAnyRole(district, committee, street, secretary)
                .pathMatchers("/api/training/**").hasAnyRole(district, committee);
    }
}
