package org.partybuilding.mongoemulator;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's two backends (in memory, and the H2 MVStore file of the local launcher) with the indexes a MongoDB
 * server would use, and answering {@code hello} ({@link HelloCommand}). {@code IndexedBackendsTest} runs the services'
 * queries against them and against the plain {@link PlainMemoryBackend} and compares every answer.
 *
 * <p>Teaches mongo-java-server what every MongoDB does: a query that names a unique key (most often
 * {@code _id}) with a value, plus other conditions, reads the one document the key's index points
 * to. The server uses an index only when the query has exactly the index's fields, so
 * {@code {_id: x, version: {$lt: 7}}} — the version-guarded write of every outbox write and event
 * consumer — scanned the whole collection on a find. (Measured, IndexTimingsTest: a guarded {@code updateOne} and a
 * {@code countDocuments} are no faster here at 100,000 members — the library's update and aggregation paths still
 * cost a scan; deploy/local/README.md, "The MongoDB emulator".)
 * Its collections also skip the server's data-size bookkeeping (see {@code tracksDataSize}) and keep the
 * non-unique indexes the services declare ({@link PendingOutboxIndex}, {@link EqualityIndex}).
 */
public final class IndexedBackends {

    private IndexedBackends() {
    }

    /** The documents an index narrows {@code query} to (a unique key's one, else a secondary index's), or null to read all. */
    static <P> Iterable<P> candidates(List<Index<P>> indexes, Document query) {
        Document[] keyPart = new Document[1];
        Index<P> index = usableIndex(indexes, query, keyPart);
        return index != null ? index.getPositions(keyPart[0]) : secondaryLookup(indexes, query);
    }

    /**
     * The documents a unique key {@code $in} plain values narrows {@code query} to ({@code {_id: {$in: [...]}}}: the
     * names of a report's rows, a copy patched by the ids a change log names, the relay's held ids), each value looked up
     * in the key's index, or null for a query without such a condition. They all meet that condition, so {@code rest[0]}
     * is the query without it, for the caller to match them against: mongo-java-server checked every candidate against
     * the whole list again, which made such a query quadratic (5,000 ids: 0.8 s, IndexTimingsTest), where MongoDB looks
     * each value up. In the index's order when that is the whole query (the values sorted, as the server answers it and
     * as a MongoDB index scan gives), else in stored order (as the full read the server does then).
     */
    static <P> Iterable<P> uniqueKeysIn(List<Index<P>> indexes, Document query, Document[] rest) {
        for (Index<P> index : indexes) {
            if (!index.isUnique() || index.getKeys().size() != 1) {
                continue;
            }
            String field = index.getKeys().get(0).getKey();
            if (!(query.get(field) instanceof Document condition) || condition.size() != 1
                    || !(condition.get("$in") instanceof java.util.Collection<?> values) || !plain(values)) {
                continue;
            }
            Document keyPart = new Document(field, condition);
            if (!index.canHandle(keyPart)) {
                continue;
            }
            Iterable<P> positions = index.getPositions(keyPart);
            Document others = new Document();
            query.forEach((key, value) -> {
                if (!key.equals(field)) {
                    others.put(key, value);
                }
            });
            rest[0] = others;
            if (others.isEmpty()) {
                return positions;
            }
            List<P> found = new java.util.ArrayList<>();
            positions.forEach(found::add);
            return inStoredOrder(found);
        }
        return null;
    }

    /** Values {@code $in} matches by equality alone (null also matches a missing field, a list an array, a pattern text). */
    private static boolean plain(java.util.Collection<?> values) {
        for (Object value : values) {
            if (value == null || value instanceof java.util.Collection<?> || value instanceof Document
                    || value instanceof java.util.Map<?, ?> || value instanceof java.util.regex.Pattern
                    || value.getClass().getSimpleName().contains("Regular")) {
                return false;
            }
        }
        return true;
    }

    /** The part of {@code query} a unique index can answer, or null. */
    static <P> Index<P> usableIndex(List<Index<P>> indexes, Document query, Document[] keyPart) {
        if (query.size() < 2) {
            return null;
        }
        for (Index<P> index : indexes) {
            Document part = new Document();
            for (IndexKey key : index.getKeys()) {
                if (!query.containsKey(key.getKey())) {
                    part = null;
                    break;
                }
                part.put(key.getKey(), query.get(key.getKey()));
            }
            if (part != null && part.size() < query.size() && index.canHandle(part)) {
                keyPart[0] = part;
                return index;
            }
        }
        return null;
    }

    /**
     * The documents a secondary index narrows {@code query} to, or null to read the collection: the outbox's pending
     * index for the relay's search, else the {@link EqualityIndex} with the fewest candidates for the query's
     * equalities. The whole query is matched against them either way.
     */
    static <P> Iterable<P> secondaryLookup(List<Index<P>> indexes, Document query) {
        java.util.Collection<P> narrowest = null;
        int fewest = Integer.MAX_VALUE;
        for (Index<P> index : indexes) {
            if (index instanceof PendingOutboxIndex<P> pending && PendingOutboxIndex.answers(query)) {
                return inStoredOrder(pending.positions());
            }
            if (index instanceof EqualityIndex<P> equality) {
                java.util.Set<P> candidates = equality.candidates(query);
                if (candidates != null && candidates.size() < fewest) {
                    narrowest = candidates;
                    fewest = candidates.size();
                }
            }
        }
        return narrowest == null ? null : inStoredOrder(narrowest);
    }

    /**
     * Positions ascending, as a full read visits them (the in-memory store's insertion order, the file store's keys),
     * so an unsorted query answers in the same order with the index as without.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <P> Iterable<P> inStoredOrder(java.util.Collection<P> positions) {
        List<P> ordered = new java.util.ArrayList<>(positions);
        if (!ordered.isEmpty() && ordered.get(0) instanceof Comparable) {
            try {
                ((List) ordered).sort(null);
            } catch (ClassCastException mixed) {
                // keys of several types: left unordered (no service relies on the order of an unsorted query)
            }
        }
        return ordered;
    }

    /** Any command: the hook first, then {@code hello} answered as {@link HelloCommand} does, the rest by the backend. */
    private static Document answer(Runnable beforeEachCommand, String command, Document query,
            java.util.function.BiFunction<String, Document, Document> backend) {
        beforeEachCommand.run();
        return HelloCommand.answer(command, query, backend);
    }

    /** The in-memory backend with these indexes. */
    public static class Memory extends MemoryBackend {

        private final Runnable beforeEachCommand;

        /** @param beforeEachCommand runs before every command (the launcher's fault tests pause the store there) */
        public Memory(Runnable beforeEachCommand) {
            this.beforeEachCommand = beforeEachCommand;
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            return answer(beforeEachCommand, command, query, (c, q) -> super.handleCommand(channel, databaseName, c, q));
        }

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new Database(databaseName, getCursorRegistry());
        }
    }

    private static final class Database extends MemoryDatabase {

        Database(String name, CursorRegistry cursors) {
            super(name, cursors);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new Collection(this, collectionName, options, cursorRegistry);
        }

        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            return PendingOutboxIndex.wanted(keys, sparse) ? new PendingOutboxIndex<>(indexName, keys)
                    : new EqualityIndex<>(indexName, keys, sparse);
        }
    }

    /** The file-backed (H2 MVStore) backend of the local run with these indexes. */
    public static class Durable extends H2Backend {

        private final Runnable beforeEachCommand;

        /** @param beforeEachCommand runs before every command (the launcher's fault tests pause the store there) */
        public Durable(String fileName, Runnable beforeEachCommand) {
            super(fileName);
            this.beforeEachCommand = beforeEachCommand;
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            return answer(beforeEachCommand, command, query, (c, q) -> super.handleCommand(channel, databaseName, c, q));
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new DurableDatabase(databaseName, getMvStore(), getCursorRegistry());
        }

        /**
         * An inner class: H2Database opens the existing collections in its constructor, before a field of
         * its own could hold the store, while the enclosing backend is set before that.
         */
        private final class DurableDatabase extends H2Database {

            DurableDatabase(String name, MVStore store, CursorRegistry cursors) {
                super(name, store, cursors);
            }

            /** As H2Database does it (same map names, so existing data files open unchanged). */
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collectionName);
                MVMap<Object, Document> data = getMvStore().openMap("databases." + namespace);
                MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
                return new DurableCollection(this, collectionName, options, data, meta, cursorRegistry);
            }

            @Override
            protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                    boolean sparse) {
                return PendingOutboxIndex.wanted(keys, sparse) ? new PendingOutboxIndex<>(indexName, keys)
                        : new EqualityIndex<>(indexName, keys, sparse);
            }
        }
    }

    private static final class DurableCollection extends H2Collection {

        DurableCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        /** As {@link Collection#tracksDataSize()}. */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector) {
            Document[] rest = new Document[1];
            Iterable<Object> keyed = uniqueKeysIn(getIndexes(), query, rest);
            if (keyed != null) {
                return matchDocuments(rest[0], keyed, orderBy, skip, limit, batchSize, fieldSelector);
            }
            Iterable<Object> candidates = candidates(getIndexes(), query);
            return candidates != null ? matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fieldSelector)
                    : super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
    }

    private static final class Collection extends MemoryCollection {

        Collection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        /**
         * No data-size bookkeeping: mongo-java-server keeps it by encoding the whole document to BSON again on every
         * insert, update and delete (twice per update: an outbox entry removed from a document is an update), for a
         * {@code collStats} figure no service reads; a MongoDB server counts sizes as it stores.
         */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector) {
            Document[] rest = new Document[1];
            Iterable<Integer> keyed = uniqueKeysIn(getIndexes(), query, rest);
            if (keyed != null) {
                return matchDocuments(rest[0], keyed, orderBy, skip, limit, batchSize, fieldSelector);
            }
            Iterable<Integer> candidates = candidates(getIndexes(), query);
            return candidates != null ? matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fieldSelector)
                    : super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
    }
}
