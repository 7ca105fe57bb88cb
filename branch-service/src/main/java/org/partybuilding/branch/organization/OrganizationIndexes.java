package org.partybuilding.branch.organization;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Reports select by street (and a street admin always does); created before the service reports ready. */
@Component
class OrganizationIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    OrganizationIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(OrganizationView.COLLECTION)
                .createIndex(new Index().on("street", Sort.Direction.ASC).named("street"))
                .block();
    }
}
