package org.partybuilding.mongoemulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The indexes' edge cases, on both indexed backends: a unique key with further conditions, the outbox's pending index
 * across pushes, pulls, deletes and a restart of the file store, and a non-unique index over arrays, positions, numbers
 * of other types, missing fields and compound keys, compared with an unindexed collection of the same store.
 */
class IndexEdgeCasesTest {

    @TempDir
    Path dir;

    /** One indexed server, in memory or on {@code dir}'s file. */
    private final class Store implements AutoCloseable {

        private final MongoServer server;
        private final int port;

        Store(int port, boolean inMemory) {
            this.port = port;
            server = new MongoServer(inMemory ? new IndexedBackends.Memory(() -> { })
                    : new IndexedBackends.Durable(dir.resolve("mongo.mv").toString(), () -> { }));
        }

        void start() {
            server.bind("127.0.0.1", port);
        }

        String uri() {
            return "mongodb://127.0.0.1:" + port;
        }

        @Override
        public void close() {
            server.shutdown();
        }
    }

    @ParameterizedTest(name = "in memory: {0}")
    @ValueSource(booleans = {true, false})
    void aUniqueKeyWithFurtherConditionsFindsExactlyWhatTheConditionsSay(boolean inMemory) throws IOException {
        try (Store store = new Store(freePort(), inMemory)) {
            store.start();
            try (MongoClient client = MongoClients.create(store.uri())) {
                MongoCollection<Document> members = client.getDatabase("member").getCollection("members");
                members.createIndex(Indexes.ascending("idNumberHash"), new IndexOptions().unique(true));
                for (int i = 1; i <= 50; i++) {
                    members.insertOne(new Document("_id", "m-" + i).append("version", 3L).append("idNumberHash", "h-" + i)
                            .append("stage", i % 2 == 0 ? "FORMAL" : "APPLICANT"));
                }

                // the version-guarded write: applied only below the version
                assertThat(members.updateOne(Filters.and(Filters.eq("_id", "m-7"), Filters.lt("version", 3L)),
                        Updates.set("version", 4L)).getMatchedCount()).isZero();
                assertThat(members.updateOne(Filters.and(Filters.eq("_id", "m-7"), Filters.lt("version", 4L)),
                        Updates.set("version", 4L)).getModifiedCount()).isEqualTo(1);
                assertThat(members.find(Filters.eq("_id", "m-7")).first().getLong("version")).isEqualTo(4L);

                assertThat(members.find(Filters.and(Filters.in("_id", "m-1", "m-2", "m-3", "m-99"), Filters.eq("stage", "FORMAL")))
                        .map(d -> d.getString("_id")).into(new java.util.ArrayList<>())).containsExactly("m-2");
                assertThat(members.find(Filters.and(Filters.eq("idNumberHash", "h-8"), Filters.eq("stage", "APPLICANT"))).first())
                        .isNull();
                assertThat(members.countDocuments(Filters.and(Filters.eq("idNumberHash", "h-9"), Filters.eq("stage", "APPLICANT"))))
                        .isEqualTo(1);
                assertThat(members.countDocuments(Filters.eq("stage", "FORMAL"))).isEqualTo(25);
            }
        }
    }

    @ParameterizedTest(name = "in memory: {0}")
    @ValueSource(booleans = {true, false})
    void theOutboxSearchFindsExactlyTheDocumentsWithEventsWaitingAlsoAfterARestart(boolean inMemory) throws IOException {
        int port = freePort();
        org.bson.conversions.Bson search = Filters.exists("outbox.0.eventId");
        try (Store store = new Store(port, inMemory)) {
            store.start();
            try (MongoClient client = MongoClients.create(store.uri())) {
                MongoCollection<Document> members = client.getDatabase("member").getCollection("members");
                members.createIndex(Indexes.ascending("outbox.0.eventId"), new IndexOptions().sparse(true).name("outbox_pending"));
                for (int i = 1; i <= 20; i++) {
                    Document member = new Document("_id", "m-" + i).append("version", 1L);
                    member.append("outbox", i % 4 == 0 ? java.util.List.of(new Document("eventId", "e-" + i).append("data", "{}"))
                            : java.util.List.of());
                    members.insertOne(member);
                }
                assertThat(ids(members, search)).containsExactlyInAnyOrder("m-4", "m-8", "m-12", "m-16", "m-20");

                // published: the relay pulls the entry; a new change pushes one; a deleted document is gone
                members.updateOne(Filters.eq("_id", "m-4"), Updates.pull("outbox", new Document("eventId", "e-4")));
                members.updateOne(Filters.eq("_id", "m-5"), Updates.push("outbox", new Document("eventId", "e-5")));
                members.deleteOne(Filters.eq("_id", "m-8"));
                assertThat(ids(members, search)).containsExactlyInAnyOrder("m-5", "m-12", "m-16", "m-20");
                assertThat(members.countDocuments(search)).isEqualTo(4);
                // the same search with a further condition still reads what the condition says
                assertThat(ids(members, Filters.and(search, Filters.eq("_id", "m-12")))).containsExactly("m-12");
            }
        }
        if (inMemory) {
            return;
        }
        try (Store store = new Store(port, false)) {
            store.start();
            try (MongoClient client = MongoClients.create(store.uri())) {
                MongoCollection<Document> members = client.getDatabase("member").getCollection("members");
                assertThat(ids(members, search)).containsExactlyInAnyOrder("m-5", "m-12", "m-16", "m-20");
            }
        }
    }

    /**
     * The non-unique indexes the server would ignore narrow a query to the documents with the value; the answers
     * (order included) are those of the same collection without indexes, over inserts, updates that move a value,
     * arrays, numbers of other types, missing fields and deletes.
     */
    @ParameterizedTest(name = "in memory: {0}")
    @ValueSource(booleans = {true, false})
    void aNonUniqueIndexAnswersAsAFullReadDoes(boolean inMemory) throws IOException {
        try (Store store = new Store(freePort(), inMemory)) {
            store.start();
            try (MongoClient client = MongoClients.create(store.uri())) {
                MongoCollection<Document> indexed = client.getDatabase("member").getCollection("members");
                MongoCollection<Document> plain = client.getDatabase("member").getCollection("members_plain");
                indexed.createIndex(Indexes.ascending("organizationId"));
                indexed.createIndex(Indexes.ascending("transfers.id"));
                indexed.createIndex(Indexes.ascending("transfers.0.id"));
                indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("street"), Indexes.ascending("name")));
                for (MongoCollection<Document> members : java.util.List.of(indexed, plain)) {
                    for (int i = 1; i <= 60; i++) {
                        Document member = new Document("_id", "m-" + i).append("name", "n-" + (60 - i))
                                .append("street", i % 3 == 0 ? "JIANSHE" : "DADONG").append("rank", i % 2 == 0 ? 2 : 2.0);
                        if (i % 7 != 0) {
                            member.append("organizationId", "o-" + (i % 5));
                        }
                        if (i % 4 == 0) {
                            member.append("transfers", java.util.List.of(new Document("id", "t-" + i), new Document("id", "t-x")));
                        }
                        members.insertOne(member);
                    }
                    members.updateOne(Filters.eq("_id", "m-1"), Updates.set("organizationId", "o-4"));
                    members.updateMany(Filters.eq("organizationId", "o-2"), Updates.set("street", "HUALE"));
                    members.deleteOne(Filters.eq("_id", "m-3"));
                    members.updateOne(Filters.eq("_id", "m-8"), Updates.unset("transfers"));
                }
                java.util.List<org.bson.conversions.Bson> filters = java.util.List.of(
                        Filters.eq("organizationId", "o-4"), Filters.eq("organizationId", "o-2"),
                        Filters.in("organizationId", "o-1", "o-3", "o-9"), Filters.eq("organizationId", null),
                        Filters.and(Filters.eq("organizationId", "o-0"), Filters.eq("street", "JIANSHE")),
                        Filters.eq("transfers.id", "t-x"), Filters.eq("transfers.id", "t-12"), Filters.eq("transfers.id", "t-8"),
                        Filters.eq("transfers.0.id", "t-12"), Filters.eq("transfers.0.id", "t-x"),
                        Filters.eq("street", "HUALE"), Filters.and(Filters.eq("street", "DADONG"), Filters.gt("name", "n-3")),
                        Filters.ne("organizationId", "o-1"), Filters.regex("organizationId", "^o-[12]$"));
                for (org.bson.conversions.Bson filter : filters) {
                    assertThat(ids(indexed, filter)).as(filter.toString()).isEqualTo(ids(plain, filter));
                    assertThat(indexed.find(filter).sort(new Document("name", 1)).limit(3).map(d -> d.getString("_id"))
                            .into(new java.util.ArrayList<>())).as(filter + " sorted")
                            .isEqualTo(plain.find(filter).sort(new Document("name", 1)).limit(3).map(d -> d.getString("_id"))
                                    .into(new java.util.ArrayList<>()));
                }
                assertThat(ids(indexed, Filters.eq("organizationId", "o-4"))).contains("m-1").isNotEmpty();
            }
        }
    }

    private static java.util.List<String> ids(MongoCollection<Document> collection, org.bson.conversions.Bson filter) {
        return collection.find(filter).map(d -> d.getString("_id")).into(new java.util.ArrayList<>());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
