package org.partybuilding.mongoemulator;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's in-memory backend as it comes (unique indexes only), answering {@code hello}
 * ({@link HelloCommand}): the store of the services' tests (platform-test's {@code InProcessMongo}) and the reference
 * the indexed backends are compared with.
 */
public class PlainMemoryBackend extends MemoryBackend {

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return HelloCommand.answer(command, query, (c, q) -> super.handleCommand(channel, databaseName, c, q));
    }
}
