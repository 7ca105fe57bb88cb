package org.partybuilding.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** {@link CurrentCopy}: when a copy is used, patched or read again. */
class CurrentCopyTest {

    /** A counter and log in memory; the "database" is a map of documents (id → value). */
    static final class Store implements CurrentCopy.Counter, CurrentCopy.Reader<Map<String, Integer>> {
        final Map<String, Integer> documents = new TreeMap<>();
        final List<ChangeLog.Step> log = new ArrayList<>();
        final AtomicInteger readAlls = new AtomicInteger();
        final AtomicInteger patches = new AtomicInteger();
        /** Steps written to the documents and counted, but not in the log yet (being logged). */
        int unlogged;

        void write(String id, int value) {
            documents.put(id, value);
            log.add(new ChangeLog.Step(log.size() + 1, "DOC", id, 0));
        }

        @Override
        public Mono<Long> generation() {
            return Mono.just((long) log.size());
        }

        @Override
        public Mono<List<ChangeLog.Step>> between(long from, long to) {
            return Mono.just(List.copyOf(log.subList((int) from, (int) to - unlogged)));
        }

        @Override
        public Mono<Map<String, Integer>> readAll() {
            readAlls.incrementAndGet();
            return Mono.just(Map.copyOf(documents));
        }

        @Override
        public Mono<Map<String, Integer>> patch(Map<String, Integer> held, List<ChangeLog.Step> steps) {
            patches.incrementAndGet();
            Map<String, Integer> patched = new TreeMap<>(held);
            steps.forEach(step -> patched.put(step.ref(), documents.get(step.ref())));
            return Mono.just(patched);
        }
    }

    private final Store store = new Store();
    private final CurrentCopy<Map<String, Integer>> copy = new CurrentCopy<>(store, 3, store);

    @Test
    void theFirstReadReadsEverythingAndAnUnchangedCounterReadsNothing() {
        store.write("a", 1);
        assertThat(copy.generation()).isEqualTo(-1);

        assertThat(copy.current().block()).isEqualTo(Map.of("a", 1));
        assertThat(copy.current().block()).isEqualTo(Map.of("a", 1));

        assertThat(store.readAlls).hasValue(1);
        assertThat(store.patches).hasValue(0);
        assertThat(copy.generation()).isEqualTo(1);
    }

    @Test
    void aCopyBehindIsPatchedWithTheDocumentsTheStepsName() {
        store.write("a", 1);
        copy.current().block();
        store.write("a", 2);
        store.write("b", 3);

        assertThat(copy.current().block()).isEqualTo(Map.of("a", 2, "b", 3));
        assertThat(store.readAlls).hasValue(1);
        assertThat(store.patches).hasValue(1);
        assertThat(copy.generation()).isEqualTo(3);
    }

    @Test
    void tooFarBehindOrAStepNotLoggedYetReadsEverythingAgain() {
        store.write("a", 1);
        copy.current().block();
        for (int i = 0; i < 4; i++) { // more than maxPatched (3)
            store.write("x" + i, i);
        }
        assertThat(copy.current().block()).containsEntry("x3", 3);
        assertThat(store.readAlls).hasValue(2);

        store.write("b", 2);
        store.unlogged = 1; // counted, its log entry not written yet
        assertThat(copy.current().block()).containsEntry("b", 2);
        assertThat(store.readAlls).hasValue(3);
        assertThat(store.patches).hasValue(0);
    }

    @Test
    void aCounterGoneBackReplacesTheCopy() {
        store.write("a", 1);
        store.write("b", 2);
        copy.current().block();
        // the database emptied and written again: the counter stands lower than the copy's
        store.documents.clear();
        store.log.clear();
        store.write("c", 3);

        assertThat(copy.current().block()).isEqualTo(Map.of("c", 3));
        assertThat(copy.generation()).isEqualTo(1);
        assertThat(copy.current().block()).isEqualTo(Map.of("c", 3));
        assertThat(store.readAlls).hasValue(2);
    }

    @Test
    void aSlowerReadBegunAtAnOlderCounterDoesNotReplaceANewerCopy() {
        store.write("a", 1);
        Sinks.One<Boolean> slow = Sinks.one();
        CurrentCopy<Map<String, Integer>> held = new CurrentCopy<>(store, 3, new CurrentCopy.Reader<>() {
            private final AtomicInteger reads = new AtomicInteger();

            @Override
            public Mono<Map<String, Integer>> readAll() {
                Map<String, Integer> now = Map.copyOf(store.documents);
                // the first read (at counter 1) answers only after the second
                return reads.incrementAndGet() == 1 ? slow.asMono().thenReturn(now) : Mono.just(now);
            }

            @Override
            public Mono<Map<String, Integer>> patch(Map<String, Integer> copy, List<ChangeLog.Step> steps) {
                return store.patch(copy, steps);
            }
        });
        java.util.concurrent.CompletableFuture<Map<String, Integer>> older = held.current().toFuture();
        store.write("b", 2);
        assertThat(held.current().block()).isEqualTo(Map.of("a", 1, "b", 2));

        slow.tryEmitValue(true);
        // the older read answers the newer copy, and the newer copy stays
        assertThat(older.join()).isEqualTo(Map.of("a", 1, "b", 2));
        assertThat(held.generation()).isEqualTo(2);
        assertThat(held.current().block()).isEqualTo(Map.of("a", 1, "b", 2));
    }
}
