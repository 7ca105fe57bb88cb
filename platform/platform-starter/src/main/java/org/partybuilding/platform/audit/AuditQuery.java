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
            // an actor is named by their user name, or by their subject: a system actor's (system:<what made it>) or a
            // token's (a UUID); one field each, so that the match needs no $or
            criteria = Criteria.where(subject(actor) ? "actor.subject" : "actor.username").is(actor);
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

    private static final java.util.regex.Pattern UUID = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    static boolean subject(String actor) {
        return actor.startsWith(Actor.SYSTEM_PREFIX) || UUID.matcher(actor).matches();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
