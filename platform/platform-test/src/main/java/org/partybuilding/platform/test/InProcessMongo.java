package org.partybuilding.platform.test;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import org.partybuilding.mongoemulator.IndexedBackends;
import org.partybuilding.mongoemulator.PlainMemoryBackend;

/**
 * One MongoDB wire-protocol server ({@code mongo-java-server}, in memory) per test JVM, on a free
 * loopback port. Each test context gets its own database on it. The plain store (unique indexes only), answering
 * {@code hello}: mongo-emulator's {@link PlainMemoryBackend}. An opt-in probe that should measure what the launcher's store
 * does ({@code ./run.sh}, the benchmarks) runs with {@code -Dplatform-test.mongo=indexed}: mongo-emulator's
 * {@link IndexedBackends.Memory} (the declared indexes kept).
 */
public final class InProcessMongo {

    private static MongoServer server;
    private static String uri;

    private InProcessMongo() {
    }

    public static synchronized String uri() {
        if (server == null) {
            server = new MongoServer("indexed".equals(System.getProperty("platform-test.mongo"))
                    ? new IndexedBackends.Memory(() -> { }) : new PlainMemoryBackend());
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            uri = "mongodb://127.0.0.1:" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "in-process-mongo-shutdown"));
        }
        return uri;
    }
}
