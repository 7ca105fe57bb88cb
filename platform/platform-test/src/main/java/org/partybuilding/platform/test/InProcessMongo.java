package org.partybuilding.platform.test;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One MongoDB wire-protocol server ({@code mongo-java-server}, in memory) per test JVM, on a free
 * loopback port. Each test context gets its own database on it.
 */
public final class InProcessMongo {

    private static MongoServer server;
    private static String uri;

    private InProcessMongo() {
    }

    /**
     * mongo-java-server knows the legacy {@code isMaster} handshake but not {@code hello}, which Spring
     * Boot's MongoDB health indicator (part of every service's readiness) sends: answer it the same way.
     */
    static final class HelloAwareMemoryBackend extends MemoryBackend {

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            if ("hello".equalsIgnoreCase(command)) {
                Document response = super.handleCommand(channel, databaseName, "isMaster", query);
                response.put("isWritablePrimary", Boolean.TRUE);
                return response;
            }
            return super.handleCommand(channel, databaseName, command, query);
        }
    }

    public static synchronized String uri() {
        if (server == null) {
            server = new MongoServer(new HelloAwareMemoryBackend());
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            uri = "mongodb://127.0.0.1:" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "in-process-mongo-shutdown"));
        }
        return uri;
    }
}
