package org.partybuilding.mongoemulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The sparse index every outbox collection asks for ({@code outbox.0.eventId}, named {@code outbox_pending}), which
 * mongo-java-server would accept and ignore (it keeps unique indexes only): the documents with an event waiting.
 * The relay searches for them twice a second in every service; without this, each search read the whole
 * collection (130 ms of the server's time at 100,000 members, to find none). Answers only that search,
 * {@code {"outbox.0.eventId": {$exists: true}}}, as a MongoDB server answers it from the sparse index.
 */
final class PendingOutboxIndex<P> extends SecondaryIndex<P> {

    static final String FIELD = "outbox.0.eventId";
    static final Document SEARCH = new Document(FIELD, new Document("$exists", true));

    /** Pending documents: _id to the collection's position of the document. */
    private final Map<Object, P> pending = new ConcurrentHashMap<>();

    PendingOutboxIndex(String name, List<IndexKey> keys) {
        super(name, keys, true);
    }

    /** Whether the server should keep this index instead of ignoring it. */
    static boolean wanted(List<IndexKey> keys, boolean sparse) {
        return sparse && keys.size() == 1 && keys.get(0).getKey().equals(FIELD);
    }

    /** Whether {@code query} is the relay's search, which this index answers whole. */
    static boolean answers(Document query) {
        return SEARCH.equals(query);
    }

    /** A live view: {@code IndexedBackends} copies it once, in stored order, for each search. */
    java.util.Collection<P> positions() {
        return pending.values();
    }

    private static boolean isPending(Document document) {
        return document.get("outbox") instanceof List<?> entries && !entries.isEmpty()
                && entries.get(0) instanceof Document first && first.get("eventId") != null;
    }

    @Override
    public P getPosition(Document document) {
        return pending.get(document.get("_id"));
    }


    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        if (isPending(document)) {
            pending.put(document.get("_id"), position);
        }
    }

    @Override
    public P remove(Document document) {
        return pending.remove(document.get("_id"));
    }


    @Override
    public Iterable<P> getPositions(Document query) {
        return List.copyOf(positions());
    }

    @Override
    public long getCount() {
        return pending.size();
    }



    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        if (isPending(newDocument)) {
            pending.put(newDocument.get("_id"), position);
        } else {
            pending.remove(newDocument.get("_id"));
        }
    }

    @Override
    public void drop() {
        pending.clear();
    }
}
