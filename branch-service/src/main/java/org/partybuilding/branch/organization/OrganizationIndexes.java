package org.partybuilding.branch.organization;

import static org.partybuilding.platform.outbox.CollectionIndexes.ascending;

import org.partybuilding.platform.outbox.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reports select by street (and a street admin always does); created by platform-starter before the service reports ready. */
@Configuration(proxyBeanMethods = false)
class OrganizationIndexes {

    @Bean
    CollectionIndexes indexesOfOrganizations() {
        return CollectionIndexes.on(OrganizationView.COLLECTION, ascending("street", "street"));
    }
}
