package org.partybuilding.registry.organization;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The list filters of API.md: {@code street}, {@code type}, {@code industry}, {@code status}, {@code q} (name or credit code contains). */
public record OrganizationFilter(String street, OrganizationType type, String industry, OrganizationStatus status, String q) {

    Query toQuery() {
        Criteria criteria = new Criteria();
        if (street != null) {
            criteria.and("street").is(street);
        }
        if (type != null) {
            criteria.and("type").is(type);
        }
        if (industry != null) {
            criteria.and("industry").is(industry);
        }
        if (status != null) {
            criteria.and("status").is(status);
        }
        if (q != null && !q.isBlank()) {
            criteria.orOperator(Criteria.where("name").regex(Pattern.quote(q.trim())),
                    Criteria.where("creditCode").regex(Pattern.quote(q.trim().toUpperCase(Locale.ROOT))));
        }
        return Query.query(criteria);
    }

    OrganizationFilter withStreet(String scopedStreet) {
        return new OrganizationFilter(scopedStreet, type, industry, status, q);
    }
}
