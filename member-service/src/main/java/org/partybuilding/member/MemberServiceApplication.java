package org.partybuilding.member;


import org.partybuilding.member.dues.DuesRules;
import org.partybuilding.member.dues.DuesSettings;
import org.partybuilding.member.development.DevelopmentRules;
import org.partybuilding.member.development.DevelopmentSettings;
import org.partybuilding.platform.security.ApiAuthorization;
import org.partybuilding.platform.security.Role;
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
        String district = Role.DISTRICT_ADMIN.realmRole();
        String committee = Role.COMMITTEE_ADMIN.realmRole();
        String street = Role.STREET_ADMIN.realmRole();
        String secretary = Role.BRANCH_SECRETARY.realmRole();
        String auditor = Role.AUDITOR.realmRole();
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/members/**").hasAnyRole(district, committee, street, secretary, auditor)
                .pathMatchers(HttpMethod.POST, "/api/members/*/dues-payments").hasAnyRole(district, committee, street, secretary)
                .pathMatchers("/api/members/**").hasAnyRole(district, committee, street);
    }
}
