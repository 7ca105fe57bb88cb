package org.partybuilding.branch.organization;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

import org.bson.Document;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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

    /** The names of these organizations, by id (those the registry has told of): what exports show instead of ids. */
    public Mono<Map<String, String>> namesOf(Collection<String> ids) {
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("name");
        return mongo.find(query, Document.class, OrganizationView.COLLECTION)
                .collectMap(d -> d.getString("_id"), d -> Objects.requireNonNullElse(d.getString("name"), ""));
    }

    /**
     * Every organization with what coverage needs (no employees or staff; the registration date for the inbox), for the district-wide figures. Read
     * as plain documents: at 10,000 organizations mapping each to a record costs more than reading it.
     */
    public Flux<OrganizationView> allForCoverage() {
        return forCoverage(new Query());
    }

    /** The same for some organizations (those that changed). */
    public Flux<OrganizationView> forCoverage(Collection<String> ids) {
        return forCoverage(Query.query(Criteria.where("_id").in(ids)));
    }

    /** A date as the document holds it (Spring Data writes a {@code LocalDate} as a UTC midnight date). */
    private static java.time.LocalDate localDate(Object value) {
        if (value instanceof java.util.Date date) {
            return date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        return value instanceof String text ? java.time.LocalDate.parse(text) : null;
    }

    private Flux<OrganizationView> forCoverage(Query query) {
        query.fields().include("name", "type", "street", "industry", "supervisoryUnit", "status", "registeredOn");
        return mongo.find(query, Document.class, OrganizationView.COLLECTION)
                .map(d -> new OrganizationView(d.getString("_id"), 0, d.getString("name"), d.getString("type"), d.getString("street"),
                        d.getString("industry"), d.getString("supervisoryUnit"), d.getString("status"), 0, 0, localDate(d.get("registeredOn"))));
    }
}
