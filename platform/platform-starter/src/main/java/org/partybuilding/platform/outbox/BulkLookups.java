package org.partybuilding.platform.outbox;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.reactivestreams.Publisher;

import reactor.core.publisher.Flux;

/**
 * Looks many keys up (an import's credit codes or ID-number hashes) as {@code $in} queries of {@value #BATCH} keys,
 * {@value #IN_FLIGHT} at a time. Small on purpose: the index finds the documents, but a server may still match each
 * found document against the whole {@code $in} list (mongo-java-server does), so the cost grows with the square.
 */
public final class BulkLookups {

    static final int BATCH = 100;
    static final int IN_FLIGHT = 4;

    private BulkLookups() {
    }

    /** Every document {@code lookup} finds for the keys, batch by batch (in no particular order). */
    public static <K, T> Flux<T> inBatches(Collection<K> keys, Function<List<K>, Publisher<T>> lookup) {
        return Flux.fromIterable(keys).buffer(BATCH).flatMap(lookup, IN_FLIGHT);
    }
}
