package org.partybuilding.mongoemulator;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

/**
 * What the emulator's non-unique indexes share: nothing to refuse (no key is unique), no size bookkeeping, and
 * never a unique key lookup for the server's own query planning ({@link IndexedBackends#secondaryLookup} reads
 * them). Each document's position is kept by its {@code _id}, which the server's removal asks back.
 */
abstract class SecondaryIndex<P> extends Index<P> {

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
    }

    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public long getDataSize() {
        return 0;
    }
}
