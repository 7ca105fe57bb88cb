package org.partybuilding.member.members;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Creates the indexes before the service reports ready: one member per ID number (by its keyed hash). */
@Component
class MemberIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    MemberIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        var indexes = mongo.indexOps(Member.COLLECTION);
        indexes.createIndex(new Index().on("idNumberHash", Sort.Direction.ASC).unique().named("id_number_hash"))
                .then(indexes.createIndex(new Index().on("transfers.id", Sort.Direction.ASC).named("transfer_id")))
                .block();
    }
}
