package org.partybuilding.registry.organization;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Creates the indexes before the service reports ready (runners finish before readiness). */
@Component
class OrganizationIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    OrganizationIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        var indexes = mongo.indexOps(Organization.COLLECTION);
        indexes.createIndex(new Index().on("activeCreditCode", Sort.Direction.ASC).unique().sparse().named("active_credit_code"))
                .then(indexes.createIndex(new Index().on("street", Sort.Direction.ASC).on("name", Sort.Direction.ASC).named("street_name")))
                .block();
    }
}
