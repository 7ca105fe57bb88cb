package org.partybuilding.member.context;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.partybuilding.platform.outbox.BulkLookups;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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

    /** The names of these party organizations by id (those branch-service has told of): what exports show instead of ids. */
    public Mono<Map<String, String>> partyOrganizationNames(Collection<String> ids) {
        return BulkLookups.inBatches(ids, batch -> mongo.find(Query.query(Criteria.where("_id").in(batch)), KnownPartyOrganization.class))
                .filter(p -> p.name() != null).collectMap(KnownPartyOrganization::id, KnownPartyOrganization::name);
    }

    /** The active party organizations covering any of these organizations (rule 7a). */
    public Mono<List<KnownPartyOrganization>> coveringAny(Collection<String> organizationIds) {
        return BulkLookups.inBatches(organizationIds, batch -> mongo.find(Query.query(Criteria.where("organizationIds").in(batch)
                        .and("status").is("ACTIVE")), KnownPartyOrganization.class))
                .distinct(KnownPartyOrganization::id).collectList();
    }
}
