package org.partybuilding.member.projection;

import java.time.LocalDate;
import java.util.function.Function;

import org.partybuilding.events.EventType;
import org.partybuilding.events.Topics;
import org.partybuilding.member.context.KnownPartyOrganization;
import org.partybuilding.member.members.Member;
import org.partybuilding.member.members.MemberAction;
import org.partybuilding.member.members.MemberChange;
import org.partybuilding.member.members.MemberRegistry;
import org.partybuilding.member.members.MemberStatus;
import org.partybuilding.platform.audit.Actor;
import org.partybuilding.platform.problem.ConflictException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * What a newer state of a party organization means for members (rules 7a and 10, 同步组建): an active one
 * takes in the active members employed by the organizations it covers who have no party organization
 * in the district; a dissolved one leaves its members {@code transferRequired} until they are moved.
 * Both only touch members not yet in the wanted state, so applying them again changes nothing; each
 * member changes with its own version-guarded write, {@code MemberUpdated} event and audit record.
 * <p>
 * A member taken in on the party organization's establishment belongs to it from its establishment day (the
 * members were employed there when it was established over their employer); one taken in when an existing party
 * organization extends its coverage, from the day that is learnt.
 */
@Component
class PartyOrganizationEffects {

    /** Who changes members on branch-service's events. */
    private static final Actor SYSTEM = Actor.system(Topics.BRANCH_PARTY_ORGANIZATIONS);

    private final ReactiveMongoTemplate mongo;
    private final MemberRegistry members;

    PartyOrganizationEffects(ReactiveMongoTemplate mongo, MemberRegistry members) {
        this.mongo = mongo;
        this.members = members;
    }

    Mono<Void> apply(KnownPartyOrganization p, EventType event) {
        if (p.active()) {
            if (p.organizationIds().isEmpty()) {
                return Mono.empty();
            }
            LocalDate since = event == EventType.PARTY_ORGANIZATION_ESTABLISHED && p.establishedOn() != null
                    ? p.establishedOn() : members.today();
            Query unassigned = Query.query(Criteria.where("organizationId").in(p.organizationIds()).and("status")
                    .is(MemberStatus.ACTIVE).and("partyOrganizationId").is(null));
            return each(unassigned, MemberAction.PLACED_BY_PARTY_ORGANIZATION, m -> m.partyOrganizationId() == null && m.active()
                    ? m.change().partyOrganization(p.id(), since).transferRequired(false) : null);
        }
        Query stranded = Query.query(Criteria.where("partyOrganizationId").is(p.id()).and("status").is(MemberStatus.ACTIVE)
                .and("transferRequired").is(false));
        return each(stranded, MemberAction.TRANSFER_REQUIRED_BY_DISSOLUTION, m -> p.id().equals(m.partyOrganizationId())
                && m.active() && !m.transferRequired() ? m.change().transferRequired(true) : null);
    }

    private Mono<Void> each(Query query, MemberAction action, Function<Member, MemberChange> change) {
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, Member.COLLECTION)
                .concatMap(found -> Mono.defer(() -> members.findStored(String.valueOf(found.get("_id"))))
                        .flatMap(current -> {
                            MemberChange next = change.apply(current);
                            return next == null ? Mono.empty()
                                    : members.write(current, next.at(members.now()), EventType.MEMBER_UPDATED, SYSTEM, action, null).then();
                        })
                        // A member changed meanwhile: read it again and decide again.
                        .retryWhen(Retry.max(3).filter(ConflictException.class::isInstance))).then();
    }
}
