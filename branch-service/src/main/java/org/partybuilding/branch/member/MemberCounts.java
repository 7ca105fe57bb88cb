package org.partybuilding.branch.member;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the member counts of organizations and party organizations in step with the member read model, so that
 * reports read a count per organization instead of every member. Each step is one conditional single-document
 * write that does nothing if already done: a member is counted in a document only if not yet listed there, and
 * uncounted only if listed with that kind. So a step repeated after a crash or a redelivered event (the member's
 * {@code counted} is written last) never counts anyone twice.
 */
@Component
public class MemberCounts {

    private static final String LISTED = "members";

    private final ReactiveMongoTemplate mongo;

    MemberCounts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Moves the member's counts to where its stored state counts it; emits the organizations whose counts changed. */
    Mono<Set<String>> reconcile(String memberId) {
        return mongo.findById(memberId, MemberRow.class, MemberState.COLLECTION).flatMap(row -> {
            Counted before = row.countedOrNowhere();
            Counted after = row.state().counted();
            if (before.equals(after)) {
                return Mono.just(Set.<String>of());
            }
            Set<String> organizations = new HashSet<>();
            if (before.organizationId() != null) {
                organizations.add(before.organizationId());
            }
            if (after.organizationId() != null) {
                organizations.add(after.organizationId());
            }
            return uncount(MemberCount.ORGANIZATIONS, before.organizationId(), memberId, before.kind())
                    .then(uncount(MemberCount.PARTY_ORGANIZATIONS, before.partyOrganizationId(), memberId, before.kind()))
                    .then(count(MemberCount.ORGANIZATIONS, after.organizationId(), memberId, after.kind()))
                    .then(count(MemberCount.PARTY_ORGANIZATIONS, after.partyOrganizationId(), memberId, after.kind()))
                    .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(memberId)), new Update().set("counted", after),
                            MemberState.COLLECTION))
                    .thenReturn(organizations);
        }).defaultIfEmpty(Set.of());
    }

    private Mono<Void> count(String collection, String target, String memberId, MemberKind kind) {
        if (target == null || kind == null) {
            return Mono.empty();
        }
        String listed = LISTED + "." + key(memberId);
        Query notListed = Query.query(Criteria.where("_id").is(target).and(listed).exists(false));
        MemberKind other = kind == MemberKind.FORMAL ? MemberKind.PROBATIONARY : MemberKind.FORMAL;
        Update countIn = new Update().set(listed, kind.name()).inc(kind.field(), 1);
        return mongo.upsert(notListed, countIn.setOnInsert(other.field(), 0), collection)
                // A duplicate key says only that the document exists now: it already listed the member (counted before),
                // or another consumer inserted it first while counting another member of the same organization (the
                // first members of an organization applied at once, on a replica set). Count again as a plain update
                // of the existing document: it matches exactly when the member is not listed yet.
                .onErrorResume(DuplicateKeyException.class, exists -> mongo.updateFirst(notListed,
                        new Update().set(listed, kind.name()).inc(kind.field(), 1), collection))
                .then();
    }

    private Mono<Void> uncount(String collection, String target, String memberId, MemberKind kind) {
        if (target == null || kind == null) {
            return Mono.empty();
        }
        String listed = LISTED + "." + key(memberId);
        Query listedAsKind = Query.query(Criteria.where("_id").is(target).and(listed).is(kind.name()));
        return mongo.updateFirst(listedAsKind, new Update().unset(listed).inc(kind.field(), -1), collection).then();
    }

    /** A member id as a field name: MongoDB field names may not contain '.' or start with '$'. */
    static String key(String memberId) {
        return "m_" + memberId.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    public Mono<MemberCount> ofOrganization(String organizationId) {
        return one(MemberCount.ORGANIZATIONS, organizationId);
    }

    public Mono<MemberCount> ofPartyOrganization(String partyOrganizationId) {
        return one(MemberCount.PARTY_ORGANIZATIONS, partyOrganizationId);
    }

    public Mono<Map<String, MemberCount>> ofOrganizations(Collection<String> organizationIds) {
        return some(MemberCount.ORGANIZATIONS, organizationIds);
    }

    public Mono<Map<String, MemberCount>> ofPartyOrganizations(Collection<String> partyOrganizationIds) {
        return some(MemberCount.PARTY_ORGANIZATIONS, partyOrganizationIds);
    }

    /** Every organization's counts (without the member lists): what coverage is computed from. */
    public Flux<MemberCount> ofAllOrganizations() {
        return mongo.find(counts(new Query()), Document.class, MemberCount.ORGANIZATIONS)
                .map(d -> new MemberCount(d.getString("_id"), number(d, "formal"), number(d, "probationary")));
    }

    private static int number(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.intValue() : 0;
    }

    private Mono<MemberCount> one(String collection, String id) {
        return mongo.findOne(counts(Query.query(Criteria.where("_id").is(id))), MemberCount.class, collection)
                .defaultIfEmpty(MemberCount.none(id));
    }

    private Mono<Map<String, MemberCount>> some(String collection, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(counts(Query.query(Criteria.where("_id").in(ids))), MemberCount.class, collection)
                .collectMap(MemberCount::id, Function.identity())
                .map(found -> ids.stream().distinct().collect(Collectors.toMap(Function.identity(),
                        id -> Objects.requireNonNullElse(found.get(id), MemberCount.none(id)))));
    }

    private static Query counts(Query query) {
        query.fields().include("formal").include("probationary");
        return query;
    }
}
