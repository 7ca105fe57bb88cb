package org.partybuilding.branch.partyorganization;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Lists select by street and find the party organizations covering an organization; created before the service reports ready. */
@Component
class PartyOrganizationIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    PartyOrganizationIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(PartyOrganization.COLLECTION)
                .createIndex(new Index().on("street", Sort.Direction.ASC).named("street"))
                .then(mongo.indexOps(PartyOrganization.COLLECTION)
                        .createIndex(new Index().on("organizationIds", Sort.Direction.ASC).named("organizationIds")))
                .block();
    }
}
