package org.partybuilding.member.dues;

import static org.partybuilding.platform.outbox.CollectionIndexes.ascending;

import org.partybuilding.platform.outbox.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Dues payments by member (read on every payment and stage change) and by month (the arrears report asks who paid in
 * the last months); created by platform-starter before the service reports ready.
 */
@Configuration(proxyBeanMethods = false)
class DuesIndexes {

    @Bean
    CollectionIndexes indexesOfDuesPayments() {
        return CollectionIndexes.on(DuesPayment.COLLECTION, ascending("member", "memberId"), ascending("month", "month"));
    }
}
