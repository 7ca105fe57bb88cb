package org.partybuilding.mongoemulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique index, which mongo-java-server accepts and ignores (it keeps unique indexes only), kept on its first
 * key: the documents per value of that field (each element of an array, as MongoDB's multikey indexes). A query
 * with an equality or {@code $in} on the field reads those documents and matches the whole query against them;
 * anything else reads the collection as before. Without it, the services' indexed lookups ({@code organizationId}
 * among 100,000 members, {@code street} among 10,000 organizations) read every document, as no MongoDB server
 * would with the index the service declares.
 */
final class EqualityIndex<P> extends SecondaryIndex<P> {

    /** The key of documents without the field (or with null): what {@code {field: null}} finds. */
    private static final Object MISSING = new Object();

    private final String field;
    private final List<String> path;
    private final Map<Object, Set<P>> byValue = new ConcurrentHashMap<>();
    private final Map<Object, P> byId = new ConcurrentHashMap<>();
    private final Map<Object, Set<Object>> valuesById = new ConcurrentHashMap<>();

    EqualityIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
        this.path = List.of(field.split("\\."));
    }

    String field() {
        return field;
    }

    /** The documents that may match {@code query} by this index's field, or null if the query's condition is no equality. */
    Set<P> candidates(Document query) {
        if (!query.containsKey(field)) {
            return null;
        }
        Object condition = query.get(field);
        List<Object> values = new ArrayList<>();
        if (condition instanceof Document operators) {
            if (operators.size() == 1 && operators.get("$in") instanceof List<?> in) {
                values.addAll(in);
            } else if (operators.size() == 1 && operators.containsKey("$eq")) {
                values.add(operators.get("$eq"));
            } else {
                return null;
            }
        } else {
            values.add(condition);
        }
        Set<P> positions = new HashSet<>();
        for (Object value : values) {
            if (!isKey(value)) {
                return null; // a pattern, a subdocument, an array: matched by reading the collection
            }
            Set<P> found = byValue.get(key(value));
            if (found != null) {
                positions.addAll(found);
            }
        }
        return positions;
    }

    /** Values compared by equality alone, as the server compares them. */
    private static boolean isKey(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof java.util.Date || value instanceof java.time.Instant || value instanceof java.util.UUID
                || value instanceof de.bwaldvogel.mongo.bson.ObjectId;
    }

    private static Object key(Object value) {
        if (value == null) {
            return MISSING;
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? (Object) (long) d : (Object) d;
        }
        return value;
    }

    private Set<Object> keysOf(Document document) {
        Set<Object> keys = new HashSet<>();
        collect(document, 0, keys);
        return keys;
    }

    private void collect(Object node, int depth, Set<Object> keys) {
        if (depth == path.size()) {
            if (node instanceof List<?> elements) {
                elements.forEach(e -> keys.add(key(e)));
                if (elements.isEmpty()) {
                    keys.add(MISSING);
                }
            } else {
                keys.add(key(node));
            }
            return;
        }
        if (node instanceof Document document) {
            collect(document.get(path.get(depth)), depth + 1, keys);
        } else if (node instanceof List<?> elements) {
            String segment = path.get(depth);
            if (segment.chars().allMatch(Character::isDigit) && Integer.parseInt(segment) < elements.size()) {
                collect(elements.get(Integer.parseInt(segment)), depth + 1, keys); // a position, as "outbox.0"
            }
            for (Object element : elements) {
                collect(element, depth, keys);
            }
            if (elements.isEmpty()) {
                keys.add(MISSING);
            }
        } else {
            keys.add(MISSING);
        }
    }

    private void put(Document document, P position) {
        Object id = document.get("_id");
        Set<Object> keys = keysOf(document);
        byId.put(id, position);
        valuesById.put(id, keys);
        for (Object key : keys) {
            byValue.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(position);
        }
    }

    private P take(Object id) {
        P position = byId.remove(id);
        Set<Object> keys = valuesById.remove(id);
        if (position != null && keys != null) {
            for (Object key : keys) {
                Set<P> positions = byValue.get(key);
                if (positions != null) {
                    positions.remove(position);
                    if (positions.isEmpty()) {
                        byValue.remove(key, positions);
                    }
                }
            }
        }
        return position;
    }

    @Override
    public P getPosition(Document document) {
        return byId.get(document.get("_id"));
    }


    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        put(document, position);
    }

    @Override
    public P remove(Document document) {
        return take(document.get("_id"));
    }


    @Override
    public Iterable<P> getPositions(Document query) {
        Set<P> candidates = candidates(query);
        return candidates == null ? List.copyOf(byId.values()) : candidates;
    }

    @Override
    public long getCount() {
        return byId.size();
    }



    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        take(oldDocument.get("_id"));
        put(newDocument, position);
    }

    @Override
    public void drop() {
        byValue.clear();
        byId.clear();
        valuesById.clear();
    }
}
