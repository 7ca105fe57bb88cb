package org.partybuilding.branch.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.partybuilding.branch.BranchApiTestBase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

import com.mongodb.client.result.UpdateResult;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The first members of one organization applied at once by concurrent consumers, as on a real replica set: each
 * consumer's upsert of the (still missing) count document finds nothing, one inserts it, and every other gets a
 * duplicate key. The in-process server serialises writes and never does that, so the race is played here: a template
 * holds every first upsert of a count document until all consumers have looked (a barrier), then lets them write one
 * at a time, answering a duplicate key to each that looked before the document existed. Every member must be counted.
 */
class ConcurrentMemberCountsTest extends BranchApiTestBase {

    private static final int CONSUMERS = 8;

    @Test
    void theFirstMembersOfOneOrganizationAppliedAtOnceAreEachCountedOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CONSUMERS; i++) {
            String id = "race-member-" + i;
            ids.add(id);
            MemberState state = new MemberState(id, 1, "race-org", "race-po", "DADONG", i % 2 == 0 ? "FORMAL" : "PROBATIONARY",
                    "ACTIVE", false);
            mongo.save(state, MemberState.COLLECTION).block();
        }
        RacingTemplate racing = new RacingTemplate(mongo);
        MemberCounts counts = new MemberCounts(racing);

        ExecutorService consumers = Executors.newFixedThreadPool(CONSUMERS);
        try {
            List<Future<?>> applied = new ArrayList<>();
            for (String id : ids) {
                applied.add(consumers.submit(() -> counts.reconcile(id).block()));
            }
            for (Future<?> f : applied) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            consumers.shutdownNow();
        }
        assertThat(racing.duplicates()).as("the race was played: all but one first upsert collided").isGreaterThanOrEqualTo(
                2 * (CONSUMERS - 1));

        MemberCount organization = memberCounts.ofOrganization("race-org").block();
        MemberCount partyOrganization = memberCounts.ofPartyOrganization("race-po").block();
        assertThat(organization.formal()).isEqualTo(CONSUMERS / 2);
        assertThat(organization.probationary()).isEqualTo(CONSUMERS / 2);
        assertThat(partyOrganization.members()).isEqualTo(CONSUMERS);

        // and applied again (redelivery), nobody is counted twice
        racing.stopRacing();
        for (String id : ids) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                    new org.springframework.data.mongodb.core.query.Update().unset("counted"), MemberState.COLLECTION).block();
            counts.reconcile(id).block();
        }
        assertThat(memberCounts.ofOrganization("race-org").block().members()).isEqualTo(CONSUMERS);
        assertThat(memberCounts.ofPartyOrganization("race-po").block().members()).isEqualTo(CONSUMERS);
    }

    /** Plays a replica set's concurrent upserts of one missing document (see the class comment). */
    static final class RacingTemplate extends ReactiveMongoTemplate {

        private final CyclicBarrier organizations = new CyclicBarrier(CONSUMERS);
        private final CyclicBarrier partyOrganizations = new CyclicBarrier(CONSUMERS);
        private final AtomicBoolean racing = new AtomicBoolean(true);
        private final Object oneWriterAtATime = new Object();
        private final java.util.concurrent.atomic.AtomicInteger duplicates = new java.util.concurrent.atomic.AtomicInteger();

        RacingTemplate(ReactiveMongoTemplate real) {
            super(real.getMongoDatabaseFactory(), real.getConverter());
        }

        int duplicates() {
            return duplicates.get();
        }

        void stopRacing() {
            racing.set(false);
        }

        @Override
        public Mono<UpdateResult> upsert(Query query, UpdateDefinition update, String collection) {
            CyclicBarrier barrier = MemberCount.ORGANIZATIONS.equals(collection) ? organizations
                    : MemberCount.PARTY_ORGANIZATIONS.equals(collection) ? partyOrganizations : null;
            if (barrier == null || !racing.get()) {
                return super.upsert(query, update, collection);
            }
            Query byId = Query.query(Criteria.where("_id").is(query.getQueryObject().get("_id")));
            return Mono.fromCallable(() -> {
                boolean existedWhenLooked = Boolean.TRUE.equals(super.exists(byId, collection).block());
                barrier.await(30, TimeUnit.SECONDS);
                synchronized (oneWriterAtATime) {
                    boolean existsNow = Boolean.TRUE.equals(super.exists(byId, collection).block());
                    if (!existedWhenLooked && existsNow) {
                        duplicates.incrementAndGet();
                        throw new DuplicateKeyException("E11000 duplicate key error (a concurrent upsert inserted it first)");
                    }
                    return super.upsert(query, update, collection).block();
                }
            }).subscribeOn(Schedulers.boundedElastic());
        }
    }
}
