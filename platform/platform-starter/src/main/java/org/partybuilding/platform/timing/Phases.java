package org.partybuilding.platform.timing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long each phase of a long operation took (an import, a yearly allocation), for the one log line that says
 * where its time went. Phases follow one another: {@link #end(String)} closes the phase that began at the previous
 * mark. The marks of a reactive pipeline are set on whatever thread runs that step, hence the synchronization.
 */
public final class Phases {

    private final long started;
    private final Map<String, Long> millis = new ConcurrentHashMap<>();
    private long last;

    private Phases(long now) {
        this.started = now;
        this.last = now;
    }

    /** Starts timing now. */
    public static Phases start() {
        return new Phases(System.nanoTime());
    }

    /** Ends the phase {@code name} (since the previous mark, or the start) and begins the next one. */
    public synchronized Phases end(String name) {
        long now = System.nanoTime();
        millis.put(name, (now - last) / 1_000_000);
        last = now;
        return this;
    }

    /** The milliseconds the ended phase {@code name} took; 0 for a phase not ended. */
    public long millis(String name) {
        return millis.getOrDefault(name, 0L);
    }

    /** Milliseconds since the start. */
    public long sinceStart() {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
