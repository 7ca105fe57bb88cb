package org.partybuilding.branch.member;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Reads the member read model. */
@Component
public class Members {

    private final ReactiveMongoTemplate mongo;

    Members(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<MemberState> find(String id) {
        return mongo.findById(id, MemberRow.class, MemberState.COLLECTION).map(MemberRow::state);
    }
}
