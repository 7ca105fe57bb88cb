package org.partybuilding.branch.partyorganization;

import org.partybuilding.branch.domain.Formation;
import org.partybuilding.branch.organization.DeregistrationFollowUp;
import org.partybuilding.events.EventType;
import org.partybuilding.platform.problem.ConflictException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Rule 6 when the registry deregisters an organization: a {@code JOINT} (or {@code AFFILIATED}) party organization
 * drops it automatically, with {@code PartyOrganizationUpdated} (coverage then flags {@code JOINT_BELOW_THREE} if
 * the rest have too few formal members); a {@code SINGLE} one stays until it is dissolved by procedure, and
 * coverage flags it {@code DEREGISTERED_WITH_ACTIVE_PARTY_ORGANIZATION} at once. Only party organizations that
 * still cover the organization are touched, so applying this again (a redelivered event) changes nothing.
 */
@Component
public class Deregistrations implements DeregistrationFollowUp {

    private final ReactiveMongoTemplate mongo;
    private final PartyOrganizations partyOrganizations;

    Deregistrations(ReactiveMongoTemplate mongo, PartyOrganizations partyOrganizations) {
        this.mongo = mongo;
        this.partyOrganizations = partyOrganizations;
    }

    @Override
    public Mono<Void> organizationDeregistered(String organizationId) {
        Query covering = Query.query(Criteria.where("status").is(PartyOrganizationStatus.ACTIVE)
                .and("organizationIds").is(organizationId).and("formation").in(Formation.JOINT, Formation.AFFILIATED));
        return mongo.find(covering, PartyOrganization.class)
                .concatMap(found -> Mono.defer(() -> mongo.findById(found.id(), PartyOrganization.class))
                        .filter(p -> p.active() && p.organizationIds().contains(organizationId))
                        .flatMap(p -> partyOrganizations.write(p, EventType.PARTY_ORGANIZATION_UPDATED,
                                b -> b.organizations(p.organizationIds().stream().filter(o -> !o.equals(organizationId)).toList())))
                        // Changed meanwhile (a user's edit): read it again and drop the organization from the newer state.
                        .retryWhen(Retry.max(5).filter(ConflictException.class::isInstance)))
                .then();
    }
}
