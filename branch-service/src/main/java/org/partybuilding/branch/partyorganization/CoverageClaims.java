package org.partybuilding.branch.partyorganization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.partybuilding.platform.problem.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One party organization covers an organization, also when two requests race: before a party organization is
 * written it claims each organization in {@value #COLLECTION} (one document per organization, the id unique). A
 * claim holds while the party organization it names is active and covers the organization, or, before that one is
 * written, for {@link #PENDING} (so a claim left by a crash between the claim and the write expires). A claim that no
 * longer holds (dissolved, organization removed or dropped) is taken over, so claims are never released.
 */
@Component
class CoverageClaims {

    static final String COLLECTION = "coverage_claims";
    static final Duration PENDING = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    CoverageClaims(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Claims every organization for {@code partyOrganizationId}; 409 naming the holder if one is held by another. */
    Mono<Void> claim(List<String> organizationIds, String partyOrganizationId) {
        return Flux.fromIterable(organizationIds).concatMap(organizationId -> claim(organizationId, partyOrganizationId)).then();
    }

    private Mono<Void> claim(String organizationId, String partyOrganizationId) {
        Instant now = clock.instant();
        Document claim = new Document("_id", organizationId).append("partyOrganizationId", partyOrganizationId).append("at", now);
        return mongo.insert(claim, COLLECTION).then()
                .onErrorResume(DuplicateKeyException.class, held -> mongo.findById(organizationId, Document.class, COLLECTION)
                        .flatMap(current -> holds(current, organizationId, now).flatMap(holding -> {
                            String holder = current.getString("partyOrganizationId");
                            if (holding && !holder.equals(partyOrganizationId)) {
                                return Mono.error(conflict(organizationId, holder));
                            }
                            // Taken over only from the holder just seen: a racing request that took it first wins.
                            Query same = Query.query(Criteria.where("_id").is(organizationId).and("partyOrganizationId").is(holder));
                            return mongo.findAndModify(same, new Update().set("partyOrganizationId", partyOrganizationId).set("at", now),
                                            FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION)
                                    .switchIfEmpty(Mono.error(() -> conflict(organizationId, "another party organization")))
                                    .then();
                        })));
    }

    private Mono<Boolean> holds(Document claim, String organizationId, Instant now) {
        String holder = claim.getString("partyOrganizationId");
        Instant at = claim.getDate("at") == null ? Instant.EPOCH : claim.getDate("at").toInstant();
        return mongo.findById(holder, PartyOrganization.class)
                .map(p -> p.active() && p.organizationIds().contains(organizationId))
                .defaultIfEmpty(at.plus(PENDING).isAfter(now));
    }

    private static ConflictException conflict(String organizationId, String holder) {
        return new ConflictException("Organization " + organizationId + " is already covered by the party organization "
                + holder + "; a party organization covers an organization alone (remove it from a joint one first)");
    }
}
