package org.partybuilding.local;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.partybuilding.mongoemulator.IndexedBackends;

/**
 * A MongoDB wire-protocol server ({@code mongo-java-server}) inside the launcher's JVM, backed by an H2 MVStore
 * file under {@code <dataDir>/mongo/} so that the services' data survives restarts; or, for benchmarks that
 * measure the services rather than the emulator's persistence, kept in memory only (about 20 times faster
 * to insert into, gone when the launcher stops). Either way with the indexes a MongoDB server would use and answering
 * {@code hello}: mongo-emulator's {@link IndexedBackends}.
 */
final class MongoStore implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final boolean inMemory;
    private MongoServer server;
    /** While set, every command waits (the database "paused"): for fault tests, never set in a normal run. */
    private static volatile java.util.concurrent.CountDownLatch paused;
    /** A pause ends by itself after this long, so a forgotten resume never hangs the platform. */
    private static final java.time.Duration LONGEST_PAUSE = java.time.Duration.ofSeconds(120);

    MongoStore(Path dir, int port, boolean inMemory) {
        this.dir = dir;
        this.port = port;
        this.inMemory = inMemory;
    }

    void start() {
        AbstractMongoBackend backend = null;
        try {
            Files.createDirectories(dir);
            backend = inMemory ? new IndexedBackends.Memory(MongoStore::waitWhilePaused)
                    : new IndexedBackends.Durable(dir.resolve("mongo.mv").toString(), MongoStore::waitWhilePaused);
            MongoServer candidate = new MongoServer(backend);
            candidate.bind("127.0.0.1", port);
            server = candidate;
        } catch (IOException | RuntimeException e) {
            if (backend != null) {
                backend.close();
            }
            throw new LocalPlatformException("mongo", "cannot start on 127.0.0.1:" + port + " with " + dir + ": " + e, e);
        }
    }

    String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    /**
     * Stops answering: every command that arrives (the services' queries, writes and the drivers' heartbeats) waits
     * until {@link #resume()}, as a database stalled by a long pause, a failover or a full disk would. For fault tests.
     */
    void pause() {
        if (paused == null) {
            paused = new java.util.concurrent.CountDownLatch(1);
        }
    }

    void resume() {
        java.util.concurrent.CountDownLatch current = paused;
        paused = null;
        if (current != null) {
            current.countDown();
        }
    }

    private static void waitWhilePaused() {
        java.util.concurrent.CountDownLatch current = paused;
        if (current != null) {
            try {
                current.await(LONGEST_PAUSE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        resume();
        if (server != null) {
            server.shutdown(); // closes the backend, which writes the MVStore file
            server = null;
        }
    }
}
