package org.partybuilding.member.dues;

import static org.partybuilding.platform.outbox.CollectionIndexes.ascending;

import org.partybuilding.platform.outbox.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Dues payments by member (read on every payment and a member's dues); created by platform-starter before the service
 * reports ready. The arrears no longer ask who paid which month (each instance holds the months paid: {@link PaidMonths}).
 */
@Configuration(proxyBeanMethods = false)
class DuesIndexes {

    @Bean
    CollectionIndexes indexesOfDuesPayments() {
        return CollectionIndexes.on(DuesPayment.COLLECTION, ascending("member", "memberId"));
    }
}
