package org.partybuilding.platform.outbox;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/**
 * One relay instance at a time per outbox collection: a service running as several replicas on one
 * database has each collection's events published by the replica holding that collection's lease, so
 * two replicas never send the same entry and one aggregate's events leave in order.
 * <p>
 * A lease is a document {@code {_id: <collection>, owner, expiresAt}} in {@value #COLLECTION}, taken or
 * renewed by one conditional upsert (matched only when this instance owns it or it has expired;
 * otherwise the upsert's insert hits the existing {@code _id} and fails): the holder writes once per half
 * lease time, another replica once per round, never once per event. A replica that dies stops renewing
 * and its lease expires after {@code lease-time}; a replica that stops cleanly hands its leases back at
 * once. Sends stop a safety margin before the lease would run out, so a stalled holder does not publish
 * after another replica may have taken over (a send already in flight at that moment can still arrive
 * twice; consumers are version-guarded).
 */
final class OutboxLeases {

    static final String COLLECTION = "outbox_leases";
    private static final Logger log = LoggerFactory.getLogger(OutboxLeases.class);

    private final ReactiveMongoTemplate mongo;
    private final String owner;
    private final Duration leaseTime;
    /** Per collection held: the local {@link System#nanoTime()} after which this instance sends no more. */
    private final Map<String, Long> sendUntil = new ConcurrentHashMap<>();
    /** Per collection held: when to write the renewal (half the lease time after the last one). */
    private final Map<String, Long> renewAfter = new ConcurrentHashMap<>();

    OutboxLeases(ReactiveMongoTemplate mongo, String owner, Duration leaseTime) {
        this.mongo = mongo;
        this.owner = owner;
        this.leaseTime = leaseTime;
    }

    String owner() {
        return owner;
    }

    /**
     * Takes or renews the lease on {@code collection}; emits whether this instance holds it now. A holder
     * writes its renewal once per half lease time, not every round.
     */
    Mono<Boolean> acquire(String collection) {
        return Mono.defer(() -> {
            long asked = System.nanoTime();
            Long renew = renewAfter.get(collection);
            if (renew != null && asked - renew < 0 && holds(collection)) {
                return Mono.just(true);
            }
            Date now = new Date();
            Query ownedOrExpired = Query.query(new Criteria().andOperator(Criteria.where("_id").is(collection),
                    new Criteria().orOperator(Criteria.where("owner").is(owner), Criteria.where("expiresAt").lt(now))));
            Update take = new Update().set("owner", owner).set("expiresAt", new Date(now.getTime() + leaseTime.toMillis()));
            return mongo.upsert(ownedOrExpired, take, COLLECTION)
                    .thenReturn(true)
                    .onErrorResume(DuplicateKeyException.class, held -> Mono.just(false))
                    .doOnNext(held -> {
                        // The database's expiry was computed from the wall clock before the write; the local
                        // deadline counts from before the request too, less a margin for clock skew.
                        Long before = held ? sendUntil.put(collection, asked + leaseTime.toNanos() * 4 / 5)
                                : sendUntil.remove(collection);
                        if (held) {
                            renewAfter.put(collection, asked + leaseTime.toNanos() / 2);
                        } else {
                            renewAfter.remove(collection);
                        }
                        if (held && before == null) {
                            log.info("Outbox relay {} publishes collection {} (lease taken)", owner, collection);
                        } else if (!held && before != null) {
                            log.info("Outbox relay {} lost the lease on collection {}", owner, collection);
                        }
                    });
        });
    }

    /** Whether this instance may still send the events of {@code collection}. */
    boolean holds(String collection) {
        Long until = sendUntil.get(collection);
        return until != null && System.nanoTime() - until < 0;
    }

    /** Hands every lease of this instance back, so that another replica takes over at its next round. */
    Mono<Void> releaseAll() {
        sendUntil.clear();
        renewAfter.clear();
        return mongo.updateMulti(Query.query(Criteria.where("owner").is(owner)),
                new Update().set("expiresAt", new Date(0)), COLLECTION).then();
    }

    /** A send refused because the lease ran out during a round; the next round takes it again or leaves it. */
    static final class LeaseLost extends IllegalStateException {

        LeaseLost(String collection) {
            super("The outbox lease on " + collection + " ran out during a round");
        }
    }
}
