package org.partybuilding.member.members;

import static org.partybuilding.platform.outbox.CollectionIndexes.ascending;

import org.partybuilding.platform.outbox.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The members' indexes, created by platform-starter before the service reports ready: one member per ID number (by
 * its keyed hash); the members of an organization, of a party organization and of a street, which the list filters,
 * data scope and the reactions to organization and party-organization events select by (without them each such event
 * read all 100,000 members); transfers by id; the members flagged for a transfer (the list's {@code transferRequired}
 * filter). The work inbox's transfer-due and flagged members come from the {@code MemberDirectory}, not from queries.
 */
@Configuration(proxyBeanMethods = false)
class MemberIndexes {

    @Bean
    CollectionIndexes indexesOfMembers() {
        return CollectionIndexes.on(Member.COLLECTION,
                ascending("id_number_hash", "idNumberHash").unique(),
                ascending("transfer_id", "transfers.id"),
                ascending("organization", "organizationId"),
                ascending("party_organization", "partyOrganizationId"),
                ascending("street", "street"),
                ascending("transfer_required", "transferRequired"));
    }
}
