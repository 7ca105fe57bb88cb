package org.partybuilding.registry;


import org.partybuilding.platform.security.ApiAuthorization;
import org.partybuilding.platform.security.Role;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/** registry-service: social organizations (社会组织) and their five-clears ledger (五个清). */
@SpringBootApplication
public class RegistryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RegistryServiceApplication.class, args);
    }


    /** Coarse role rules; street scope is checked per record in {@code OrganizationRegistry}. */
    @Bean
    ApiAuthorization registryAuthorization() {
        String[] writers = {Role.DISTRICT_ADMIN.realmRole(), Role.COMMITTEE_ADMIN.realmRole(), Role.STREET_ADMIN.realmRole()};
        String[] readers = {Role.DISTRICT_ADMIN.realmRole(), Role.COMMITTEE_ADMIN.realmRole(), Role.STREET_ADMIN.realmRole(),
                Role.AUDITOR.realmRole()};
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/registry/**").hasAnyRole(readers)
                .pathMatchers("/api/registry/**").hasAnyRole(writers);
    }
}
