package org.partybuilding.branch.instructor;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Instructors are listed by the streets they serve; created before the service reports ready. */
@Component
class InstructorIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    InstructorIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(Instructor.COLLECTION)
                .createIndex(new Index().on("streets", Sort.Direction.ASC).named("streets"))
                .block();
    }
}
