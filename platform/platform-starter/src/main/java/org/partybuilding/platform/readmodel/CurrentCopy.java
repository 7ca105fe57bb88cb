package org.partybuilding.platform.readmodel;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;

/**
 * An instance's in-memory copy of documents that every instance writes, never older for a request than the database:
 * {@link #current()} reads the {@link ChangeLog}'s counter first; a copy built at that step is used as it is; one
 * behind is patched with the documents the log names after its step (read again: stored first, then counted, so they
 * hold at least what the steps announced); with no copy yet, a counter gone back (a database emptied), more than
 * {@code maxPatched} steps behind, or a step not logged yet, everything is read again. So a copy holds every write
 * whose step was counted before the request read the counter, whichever instance wrote it.
 * <p>
 * The one home of this decision: funding-service's members' memberships and ledger totals and member-service's paid
 * months each say only how to read everything and how to patch.
 *
 * @param <T> what the copy holds (immutable: a patch builds a new one)
 */
public final class CurrentCopy<T> {

    /** How a copy is read: everything, or a held copy patched with the documents some steps name. */
    public interface Reader<T> {

        /** Everything, read now (after the counter was read). */
        Mono<T> readAll();

        /** {@code held} with the documents these steps name read again now (the steps are complete and in order). */
        Mono<T> patch(T held, List<ChangeLog.Step> steps);

        /** A reader from its two methods (a copy's owner usually has both already). */
        static <T> Reader<T> of(java.util.function.Supplier<Mono<T>> readAll,
                java.util.function.BiFunction<T, List<ChangeLog.Step>, Mono<T>> patch) {
            return new Reader<>() {
                @Override
                public Mono<T> readAll() {
                    return readAll.get();
                }

                @Override
                public Mono<T> patch(T held, List<ChangeLog.Step> steps) {
                    return patch.apply(held, steps);
                }
            };
        }
    }

    /** The counter and log a copy is kept current against ({@link ChangeLog} in a service). */
    public interface Counter {

        /** The current count of steps (0 before the first). */
        Mono<Long> generation();

        /** The logged steps after {@code from} up to {@code to}, in order (a step still being logged may be missing). */
        Mono<List<ChangeLog.Step>> between(long from, long to);
    }

    private record Held<T>(long generation, T content) {
    }

    private final Counter counter;
    private final long maxPatched;
    private final Reader<T> reader;
    private final AtomicReference<Held<T>> held = new AtomicReference<>();

    /**
     * @param maxPatched steps behind the counter a copy is patched; further behind, everything is read again (at most
     *                   what the log keeps, {@link ChangeLog#kept()})
     */
    public CurrentCopy(Counter counter, long maxPatched, Reader<T> reader) {
        this.counter = counter;
        this.maxPatched = maxPatched;
        this.reader = reader;
    }

    /** The copy, brought up to the counter first: it holds every write counted before this call. */
    public Mono<T> current() {
        return counter.generation().flatMap(generation -> {
            Held<T> was = held.get();
            if (was != null && was.generation() == generation) {
                return Mono.just(was.content());
            }
            boolean wentBack = was != null && generation < was.generation();
            Mono<T> read;
            if (was == null || wentBack || generation - was.generation() > maxPatched) {
                read = reader.readAll();
            } else {
                read = counter.between(was.generation(), generation).flatMap(logged -> logged.size() == generation - was.generation()
                        ? reader.patch(was.content(), logged)
                        : reader.readAll());
            }
            return read.map(content -> keep(new Held<>(generation, content), wentBack));
        });
    }

    /**
     * The newest copy read stays (a slower concurrent read, begun at an older counter, must not replace it), unless
     * the counter went back: then what was just read is the database's.
     */
    private T keep(Held<T> read, boolean wentBack) {
        if (wentBack) {
            held.set(read);
            return read.content();
        }
        return held.accumulateAndGet(read, (was, now) -> was != null && was.generation() > now.generation() ? was : now).content();
    }

    /** The step the copy was built at, -1 before the first read. */
    public long generation() {
        Held<T> was = held.get();
        return was == null ? -1 : was.generation();
    }
}
