package org.partybuilding.branch.organization;

import java.util.Collection;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/** Reads the organization read model. */
@Component
public class Organizations {

    private final ReactiveMongoTemplate mongo;

    Organizations(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Organizations, active or not, matching every given value; {@code null} matches anything. */
    public Flux<OrganizationView> find(String street, OrganizationType type, String supervisoryUnit) {
        Criteria criteria = new Criteria();
        if (street != null) {
            criteria.and("street").is(street);
        }
        if (type != null) {
            criteria.and("type").is(type.name());
        }
        if (supervisoryUnit != null) {
            criteria.and("supervisoryUnit").is(supervisoryUnit);
        }
        return mongo.find(Query.query(criteria), OrganizationView.class, OrganizationView.COLLECTION);
    }

    /** The organizations with these ids that the registry has told of. */
    public Flux<OrganizationView> byIds(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), OrganizationView.class, OrganizationView.COLLECTION);
    }

    /** Every organization, for the coverage engine's district-wide figures. */
    public Flux<OrganizationView> all() {
        return mongo.findAll(OrganizationView.class, OrganizationView.COLLECTION);
    }
}
