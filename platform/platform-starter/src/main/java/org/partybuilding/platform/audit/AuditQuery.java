package org.partybuilding.platform.audit;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The filters of the district-wide trail: who ({@code actor}: user name or subject), which kind of resource
 * ({@code resource}, e.g. {@code Organization}) or which one ({@code resourceId}), what ({@code action}) and when
 * ({@code from} inclusive, {@code to} exclusive). Every filter is optional.
 */
public record AuditQuery(String actor, String resource, String resourceId, String action, Instant from, Instant to) {

    public AuditQuery {
        actor = blankToNull(actor);
        resource = blankToNull(resource);
        resourceId = blankToNull(resourceId);
        action = blankToNull(action);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException(List.of(new FieldError("to", "must be after from")));
        }
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    /** The criteria on an audit record (the trail's documents after they are unwound). */
    Criteria criteria() {
        Criteria criteria = new Criteria();
        if (actor != null) {
            // an actor is named by their user name or their subject (a system actor's is system:<what made it>)
            criteria = new Criteria().orOperator(Criteria.where("actor.username").is(actor), Criteria.where("actor.subject").is(actor));
        }
        if (resource != null) {
            criteria = criteria.and("resource").is(resource);
        }
        if (resourceId != null) {
            criteria = criteria.and("resourceId").is(resourceId);
        }
        if (action != null) {
            criteria = criteria.and("action").is(action);
        }
        if (from != null || to != null) {
            Criteria at = criteria.and("at");
            if (from != null) {
                at = at.gte(Date.from(from));
            }
            if (to != null) {
                at = at.lt(Date.from(to));
            }
        }
        return criteria;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
