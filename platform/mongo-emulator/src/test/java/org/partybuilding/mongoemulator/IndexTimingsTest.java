package org.partybuilding.mongoemulator;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/**
 * The figures behind keeping the indexes (deploy/local/README.md, "The MongoDB emulator"): member-service's collection
 * at the benchmark's size, its typical queries timed on the plain and the indexed in-memory store through the wire
 * protocol, as a service sends them. Not a unit test (no assertion on time): runs only on request,
 * {@code -Demulator.timings=true [-Demulator.members=100000]}, and prints milliseconds per operation.
 */
class IndexTimingsTest {

    @Test
    void timeTheServicesTypicalQueriesOnThePlainAndTheIndexedStore() {
        assumeTrue(Boolean.getBoolean("emulator.timings"), "only with -Demulator.timings=true");
        int members = Integer.getInteger("emulator.members", 100_000);
        Map<String, double[]> figures = new LinkedHashMap<>();
        time("plain", new PlainMemoryBackend(), members, figures, 0);
        time("indexed", new IndexedBackends.Memory(() -> { }), members, figures, 1);
        System.out.printf(Locale.ROOT, "%n%,d members; ms per operation (plain / indexed / ratio)%n", members);
        figures.forEach((what, ms) -> System.out.printf(Locale.ROOT, "  %-58s %10.3f %10.3f %8.0fx%n", what, ms[0], ms[1],
                ms[0] / ms[1]));
    }

    private static void time(String name, MongoBackend backend, int count, Map<String, double[]> figures, int column) {
        MongoServer server = new MongoServer(backend);
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> members = client.getDatabase("member").getCollection("members");
            members.createIndex(Indexes.ascending("idNumberHash"), new IndexOptions().unique(true));
            members.createIndex(Indexes.ascending("organizationId"));
            members.createIndex(Indexes.ascending("partyOrganizationId"));
            members.createIndex(Indexes.ascending("street"));
            members.createIndex(Indexes.ascending("outbox.0.eventId"), new IndexOptions().sparse(true).name("outbox_pending"));
            long began = System.nanoTime();
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(new Document("_id", "m-" + i).append("version", 1L).append("idNumberHash", "h-" + i)
                        .append("organizationId", "o-" + i % 10_000).append("partyOrganizationId", "p-" + i % 900)
                        .append("street", "S" + i % 18).append("status", "ACTIVE").append("name", "member " + i)
                        .append("outbox", List.of()));
                if (batch.size() == 1_000) {
                    members.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                members.insertMany(batch);
            }
            figures.computeIfAbsent("insert " + count + " members (total, s)", k -> new double[2])[column] =
                    (System.nanoTime() - began) / 1e9;
            int n = column == 0 ? 20 : 500;
            measure(figures, column, "version-guarded write {_id, version: {$lt}} (every event)", n, i ->
                    members.updateOne(Filters.and(Filters.eq("_id", "m-" + (i * 37 % count)), Filters.lt("version", 2L + i)),
                            Updates.set("version", 2L + i)));
            measure(figures, column, "outbox relay search {outbox.0.eventId: {$exists}}", n, i ->
                    members.find(Filters.exists("outbox.0.eventId")).into(new ArrayList<>()));
            measure(figures, column, "members of an organization {organizationId}", n, i ->
                    members.find(Filters.eq("organizationId", "o-" + i)).into(new ArrayList<>()));
            measure(figures, column, "members of a party organization {partyOrganizationId, status}", n, i ->
                    members.countDocuments(Filters.and(Filters.eq("partyOrganizationId", "p-" + i), Filters.eq("status", "ACTIVE"))));
            measure(figures, column, "by _id alone (the server's own unique index in both)", n, i ->
                    members.find(Filters.eq("_id", "m-" + i)).first());
            for (int ids : new int[] {100, 1_000, 5_000}) {
                List<String> some = new ArrayList<>();
                for (int i = 0; i < Math.min(ids, count); i++) {
                    some.add("m-" + (i * 7 % count));
                }
                measure(figures, column, "by _id $in " + ids + " ids (names of a report's rows, a copy's patch)", column == 0 ? 3 : 10,
                        i -> members.find(Filters.in("_id", some)).into(new ArrayList<>()));
            }
        } finally {
            server.shutdownNow();
        }
    }

    private static void measure(Map<String, double[]> figures, int column, String what, int times, IntConsumer operation) {
        operation.accept(0); // warm-up
        long began = System.nanoTime();
        for (int i = 1; i <= times; i++) {
            operation.accept(i);
        }
        figures.computeIfAbsent(what, k -> new double[2])[column] = (System.nanoTime() - began) / 1e6 / times;
    }
}
