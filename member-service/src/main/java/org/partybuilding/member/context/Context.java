package org.partybuilding.member.context;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** Lookups in what other services told us: organizations (registry) and party organizations (branch). */
@Service
public class Context {

    private final ReactiveMongoTemplate mongo;

    public Context(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<KnownOrganization> organization(String id) {
        return id == null ? Mono.empty() : mongo.findById(id, KnownOrganization.class);
    }

    public Mono<KnownPartyOrganization> partyOrganization(String id) {
        return id == null ? Mono.empty() : mongo.findById(id, KnownPartyOrganization.class);
    }
}
