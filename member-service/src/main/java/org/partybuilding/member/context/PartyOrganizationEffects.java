package org.partybuilding.member.context;

import org.partybuilding.events.EventType;
import org.partybuilding.member.members.Member;
import org.partybuilding.member.members.MemberRegistry;
import org.partybuilding.member.members.MemberStatus;
import org.partybuilding.platform.problem.ConflictException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * What a newer state of a party organization means for members (rule 10 and 同步组建): an active one
 * takes in the active members employed by the organizations it covers who have no party organization
 * in the district; a dissolved one leaves its members {@code transferRequired} until they are moved.
 * Both only touch members not yet in the wanted state, so applying them again changes nothing; each
 * member changes with its own version-guarded write and {@code MemberUpdated} event.
 */
@Component
class PartyOrganizationEffects {

    private final ReactiveMongoTemplate mongo;
    private final MemberRegistry members;

    PartyOrganizationEffects(ReactiveMongoTemplate mongo, MemberRegistry members) {
        this.mongo = mongo;
        this.members = members;
    }

    Mono<Void> apply(KnownPartyOrganization p) {
        if (p.active()) {
            if (p.organizationIds().isEmpty()) {
                return Mono.empty();
            }
            Query unassigned = Query.query(Criteria.where("organizationId").in(p.organizationIds()).and("status")
                    .is(MemberStatus.ACTIVE).and("partyOrganizationId").is(null));
            return each(unassigned, m -> m.partyOrganizationId() == null && m.active()
                    ? m.change().partyOrganization(p.id()).transferRequired(false) : null);
        }
        Query stranded = Query.query(Criteria.where("partyOrganizationId").is(p.id()).and("status").is(MemberStatus.ACTIVE)
                .and("transferRequired").is(false));
        return each(stranded, m -> p.id().equals(m.partyOrganizationId()) && m.active() && !m.transferRequired()
                ? m.change().transferRequired(true) : null);
    }

    private Mono<Void> each(Query query, java.util.function.Function<Member, org.partybuilding.member.members.MemberChange> change) {
        return mongo.find(query, Member.class).concatMap(found -> Mono.defer(() -> mongo.findById(found.id(), Member.class))
                .flatMap(current -> {
                    var next = change.apply(current);
                    return next == null ? Mono.empty()
                            : members.write(current, next.at(members.now()), EventType.MEMBER_UPDATED).then();
                })
                // A member changed meanwhile: read it again and decide again.
                .retryWhen(Retry.max(3).filter(ConflictException.class::isInstance))).then();
    }
}
