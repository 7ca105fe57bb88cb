package org.partybuilding.branch.partyorganization;

import static org.partybuilding.platform.outbox.CollectionIndexes.ascending;

import org.partybuilding.platform.outbox.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lists select by street and find the party organizations covering an organization; created by platform-starter before the service reports ready. */
@Configuration(proxyBeanMethods = false)
class PartyOrganizationIndexes {

    @Bean
    CollectionIndexes indexesOfPartyOrganizations() {
        return CollectionIndexes.on(PartyOrganization.COLLECTION, ascending("street", "street"),
                ascending("organizationIds", "organizationIds"));
    }
}
