package org.partybuilding.branch.partyorganization;

import java.util.regex.Pattern;

import org.partybuilding.branch.domain.Formation;
import org.partybuilding.branch.domain.PartyOrganizationType;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The filters of {@code GET /api/branches}; {@code null} is no filter. {@code q}: the name contains it (the portal's
 * party-organization picker searches by name).
 */
public record PartyOrganizationFilter(String street, PartyOrganizationType type, Formation formation,
        PartyOrganizationStatus status, String organizationId, Rating rating, String q) {

    Criteria addTo(Criteria criteria) {
        if (type != null) {
            criteria.and("type").is(type);
        }
        if (formation != null) {
            criteria.and("formation").is(formation);
        }
        if (status != null) {
            criteria.and("status").is(status);
        }
        if (organizationId != null && !organizationId.isBlank()) {
            criteria.and("organizationIds").is(organizationId.trim());
        }
        if (rating != null) {
            criteria.and("rating").is(rating);
        }
        if (q != null && !q.isBlank()) {
            criteria.and("name").regex(Pattern.quote(q.trim()));
        }
        return criteria;
    }
}
