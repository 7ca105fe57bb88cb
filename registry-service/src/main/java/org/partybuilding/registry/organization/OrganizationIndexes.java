package org.partybuilding.registry.organization;

import static org.partybuilding.platform.outbox.CollectionIndexes.ascending;

import org.partybuilding.platform.outbox.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One active organization per credit code; lists by street and name. Created by platform-starter before the service reports ready. */
@Configuration(proxyBeanMethods = false)
class OrganizationIndexes {

    @Bean
    CollectionIndexes indexesOfOrganizations() {
        return CollectionIndexes.on(Organization.COLLECTION,
                ascending("active_credit_code", "activeCreditCode").unique().sparse(),
                ascending("street_name", "street", "name"));
    }
}
