package org.partybuilding.member.context;

import static org.partybuilding.platform.outbox.CollectionIndexes.ascending;

import org.partybuilding.platform.outbox.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What member-service knows of other services, indexed as it is asked: a member's training hours (stage changes), the
 * organizations by credit code (a roster names employers by it), the party organizations by the organizations they
 * cover (a new member is placed in the one covering the employer, rule 7a); created by platform-starter before the
 * service reports ready.
 */
@Configuration(proxyBeanMethods = false)
class ContextIndexes {

    @Bean
    CollectionIndexes trainingAttendanceIndexes() {
        return CollectionIndexes.on(TrainingAttendance.COLLECTION, ascending("member", "memberId"));
    }

    @Bean
    CollectionIndexes knownOrganizationIndexes() {
        return CollectionIndexes.on(KnownOrganization.COLLECTION, ascending("credit_code", "creditCode"));
    }

    @Bean
    CollectionIndexes knownPartyOrganizationIndexes() {
        return CollectionIndexes.on(KnownPartyOrganization.COLLECTION, ascending("covered_organizations", "organizationIds"));
    }
}
