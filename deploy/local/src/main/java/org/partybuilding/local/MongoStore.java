package org.partybuilding.local;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server ({@code mongo-java-server}) inside the launcher's JVM, backed by an H2 MVStore
 * file under {@code <dataDir>/mongo/} so that the services' data survives restarts.
 */
final class MongoStore implements AutoCloseable {

    private final Path dir;
    private final int port;
    private MongoServer server;

    MongoStore(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    void start() {
        H2Backend backend = null;
        try {
            Files.createDirectories(dir);
            backend = new H2Backend(dir.resolve("mongo.mv").toString());
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

    @Override
    public void close() {
        if (server != null) {
            server.shutdown(); // closes the backend, which writes the MVStore file
            server = null;
        }
    }
}
