package org.partybuilding.mongoemulator;

import java.util.function.BiFunction;

import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server 1.47 knows the legacy {@code isMaster} handshake but not its successor {@code hello}, which Spring
 * Boot's MongoDB health indicator (part of every service's readiness group) sends: answered the same way, with the flag
 * a modern driver looks for. The one home of this shim: platform-test's in-process server ({@link PlainMemoryBackend})
 * and the local launcher's ({@link IndexedBackends}) both answer through it.
 */
public final class HelloCommand {

    private HelloCommand() {
    }

    /** {@code hello} answered as {@code isMaster}; every other command by {@code backend} as is. */
    public static Document answer(String command, Document query, BiFunction<String, Document, Document> backend) {
        if ("hello".equalsIgnoreCase(command)) {
            Document response = backend.apply("isMaster", query);
            response.put("isWritablePrimary", Boolean.TRUE);
            return response;
        }
        return backend.apply(command, query);
    }
}
