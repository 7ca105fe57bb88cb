package org.partybuilding.member;

import static org.partybuilding.platform.security.Role.AUDITOR;
import static org.partybuilding.platform.security.Role.BRANCH_SECRETARY;
import static org.partybuilding.platform.security.Role.COMMITTEE_ADMIN;
import static org.partybuilding.platform.security.Role.DISTRICT_ADMIN;
import static org.partybuilding.platform.security.Role.STREET_ADMIN;
import static org.partybuilding.platform.security.Role.realmRoles;


import org.partybuilding.member.dues.DuesRules;
import org.partybuilding.member.dues.DuesSettings;
import org.partybuilding.member.development.DevelopmentRules;
import org.partybuilding.member.development.DevelopmentSettings;
import org.partybuilding.platform.security.ApiAuthorization;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/** member-service: members (党员), development stages, mobile members, relationship transfers, dues (党费). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MemberServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MemberServiceApplication.class, args);
    }


    @Bean
    DevelopmentRules developmentRules(DevelopmentSettings settings) {
        return new DevelopmentRules(settings);
    }

    @Bean
    DuesRules duesRules(DuesSettings settings) {
        return new DuesRules(settings);
    }

    /** Coarse role rules; street and party-organization scope are checked per record. */
    @Bean
    ApiAuthorization memberAuthorization() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/members/**")
                .hasAnyRole(realmRoles(DISTRICT_ADMIN, COMMITTEE_ADMIN, STREET_ADMIN, BRANCH_SECRETARY, AUDITOR))
                .pathMatchers(HttpMethod.POST, "/api/members/*/dues-payments")
                .hasAnyRole(realmRoles(DISTRICT_ADMIN, COMMITTEE_ADMIN, STREET_ADMIN, BRANCH_SECRETARY))
                .pathMatchers("/api/members/**").hasAnyRole(realmRoles(DISTRICT_ADMIN, COMMITTEE_ADMIN, STREET_ADMIN));
    }
}
