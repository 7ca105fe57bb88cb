package org.partybuilding.registry;

import static org.partybuilding.platform.security.Role.AUDITOR;
import static org.partybuilding.platform.security.Role.COMMITTEE_ADMIN;
import static org.partybuilding.platform.security.Role.DISTRICT_ADMIN;
import static org.partybuilding.platform.security.Role.STREET_ADMIN;
import static org.partybuilding.platform.security.Role.realmRoles;


import org.partybuilding.platform.security.ApiAuthorization;
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
        String[] writers = realmRoles(DISTRICT_ADMIN, COMMITTEE_ADMIN, STREET_ADMIN);
        String[] readers = realmRoles(DISTRICT_ADMIN, COMMITTEE_ADMIN, STREET_ADMIN, AUDITOR);
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/registry/**").hasAnyRole(readers)
                .pathMatchers("/api/registry/**").hasAnyRole(writers);
    }
}
