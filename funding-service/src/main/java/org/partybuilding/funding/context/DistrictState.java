package org.partybuilding.funding.context;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.partybuilding.platform.outbox.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The read models (members, party organizations, the streets' coverage outlooks) as MongoDB holds them: every answer
 * is read from the database, so every instance of the service answers alike whichever of them consumed an event (the
 * instances of one consumer group each see only their partitions). An allocation run or a reconciliation reads the
 * members once per request and derives each member's {@link DatedMembership} from its facts; the forecast counts in
 * the database.
 *
 * <p>A member's document is the union of the versions received (a replayed or reordered event changes nothing), written
 * by a conditional replace over exactly the document read (its version and number of facts), retried when another
 * writer came first, so no fact is lost however the consumers race.
 */
@Component
public class DistrictState {

    /** How often a member's merge is tried again when another writer changed the document in between. */
    private static final int MERGE_ATTEMPTS = 10;

    @Bean
    static CollectionIndexes memberIndexes() {
        return CollectionIndexes.on(MemberView.COLLECTION, CollectionIndexes.ascending("status", "status"));
    }

    private final ReactiveMongoTemplate mongo;

    public DistrictState(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The member as stored, if known. */
    public Mono<MemberView> member(String id) {
        return mongo.findById(id, MemberView.class, MemberView.COLLECTION);
    }

    /**
     * Adds what {@code told} tells to what is stored of the member (every version once; the newest state). Emits
     * {@code true} if the document changed, {@code false} if it knew every version already.
     */
    public Mono<Boolean> apply(MemberView told) {
        return merge(told, 1);
    }

    private Mono<Boolean> merge(MemberView told, int attempt) {
        return member(told.id()).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(stored -> {
            MemberView held = stored.orElse(null);
            if (held != null && !held.learnsFrom(told)) {
                return Mono.just(false); // a redelivery or a replay: known already
            }
            Mono<Boolean> written;
            if (held == null) {
                written = mongo.insert(told, MemberView.COLLECTION).thenReturn(true)
                        .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
            } else {
                Criteria sameFacts = held.history().isEmpty()
                        ? new Criteria().orOperator(Criteria.where("history").size(0), Criteria.where("history").exists(false))
                        : Criteria.where("history").size(held.history().size());
                Query unchanged = Query.query(new Criteria().andOperator(Criteria.where("_id").is(held.id()),
                        Criteria.where("version").is(held.version()), sameFacts));
                written = mongo.findAndReplace(unchanged, held.with(told), MemberView.COLLECTION).map(previous -> true)
                        .defaultIfEmpty(false);
            }
            return written.flatMap(done -> {
                if (done) {
                    return Mono.just(true);
                }
                if (attempt >= MERGE_ATTEMPTS) {
                    return Mono.error(new IllegalStateException("Member " + told.id() + " changed under " + attempt + " merges"));
                }
                return merge(told, attempt + 1);
            });
        });
    }

    /** Every member as stored. */
    public Mono<List<MemberView>> members() {
        return mongo.findAll(MemberView.class, MemberView.COLLECTION).collectList();
    }

    /**
     * Every member's dated membership: where it counted on a day (rule 15), derived off the event loop. The allocation
     * run and the reconciliation read every member (100,000) per request, so as little as counts: only members whose
     * stage is formal or probationary (no other ever counts: {@link DatedMembership#countsFor}, a party member by its
     * current stage), only the fields counted by, as plain documents taken apart here (no mapping by the template).
     */
    public Mono<List<DatedMembership>> memberships() {
        Query counted = Query.query(Criteria.where("stage").in("FORMAL", "PROBATIONARY"));
        counted.fields().include("version", "partyOrganizationId", "stage", "status", "admittedOn", "history");
        return mongo.find(counted, Document.class, MemberView.COLLECTION).collectList()
                .publishOn(Schedulers.parallel())
                .map(all -> all.stream().map(stored -> DatedMembership.of(counted(stored))).toList());
    }

    /** A member document as the view counting needs (no organization or street: {@code null}). */
    private MemberView counted(Document stored) {
        List<Document> history = stored.getList("history", Document.class, List.of());
        List<MemberFact> facts = new java.util.ArrayList<>(history.size());
        for (Document fact : history) {
            facts.add(new MemberFact(number(fact.get("version")), fact.getString("partyOrganizationId"),
                    date(fact.get("partyOrganizationSince")), fact.getString("status"), date(fact.get("statusSince")),
                    date(fact.get("on"))));
        }
        return new MemberView(String.valueOf(stored.get("_id")), number(stored.get("version")), null,
                stored.getString("partyOrganizationId"), null, stored.getString("stage"), stored.getString("status"),
                date(stored.get("admittedOn")), facts);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    /** A stored date as the template reads it into a {@code LocalDate} (its conversions, so the same day). */
    private LocalDate date(Object value) {
        return value == null ? null : mongo.getConverter().getConversionService().convert(value, LocalDate.class);
    }

    /** Active formal and probationary members in a party organization now, of one street ({@code null}: all). */
    public Mono<Long> activePartyMembers(String street) {
        Criteria criteria = Criteria.where("status").is("ACTIVE").and("stage").in("FORMAL", "PROBATIONARY")
                .and("partyOrganizationId").ne(null);
        if (street != null) {
            criteria = criteria.and("street").is(street);
        }
        return mongo.count(Query.query(criteria), MemberView.COLLECTION);
    }

    public Mono<List<PartyOrganizationView>> partyOrganizations() {
        return mongo.findAll(PartyOrganizationView.class, PartyOrganizationView.COLLECTION).collectList();
    }

    public Mono<Optional<PartyOrganizationView>> partyOrganization(String id) {
        return id == null ? Mono.just(Optional.empty())
                : mongo.findById(id, PartyOrganizationView.class, PartyOrganizationView.COLLECTION).map(Optional::of)
                        .defaultIfEmpty(Optional.empty());
    }

    /** The party organizations recorded as pre-existing (established in a closed fiscal year, rule 14). */
    public Mono<List<PartyOrganizationView>> preExisting() {
        return mongo.find(Query.query(Criteria.where("preExisting").is(true)), PartyOrganizationView.class,
                PartyOrganizationView.COLLECTION).collectList();
    }

    /** The names of these party organizations, where known. */
    public Mono<Map<String, String>> names(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("name");
        return mongo.find(query, org.bson.Document.class, PartyOrganizationView.COLLECTION)
                .filter(d -> d.getString("name") != null)
                .collectMap(d -> String.valueOf(d.get("_id")), d -> d.getString("name"));
    }

    /** The streets' coverage outlooks as branch-service last announced them. */
    public Mono<List<CoverageOutlookView>> outlooks() {
        return mongo.findAll(CoverageOutlookView.class, CoverageOutlookView.COLLECTION).collectList();
    }
}
