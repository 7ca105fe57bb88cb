package org.partybuilding.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import org.partybuilding.platform.security.ApiAuthorization;
import org.partybuilding.platform.security.Role;
import org.springframework.beans.factory.annotation.Value;
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

    /**
     * "Today" is the district's date, not the server's. Ticks in milliseconds, as MongoDB stores
     * instants, so a response shows the same {@code createdAt} as every later read.
     */
    @Bean
    Clock clock(@Value("${registry.time-zone:Asia/Shanghai}") String zone) {
        return Clock.tick(Clock.system(ZoneId.of(zone)), Duration.ofMillis(1));
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
