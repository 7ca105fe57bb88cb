package org.partybuilding.mongoemulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The indexed stores answer every query the services send exactly as the plain ones do, so the launcher's store and
 * the tests' store can never drift apart in meaning. Four servers hold the same data: the plain in-memory store
 * ({@link PlainMemoryBackend}, what the services' tests run on) against {@link IndexedBackends.Memory}, and the plain
 * H2 file store against {@link IndexedBackends.Durable} (a file store reads in key order, a memory store in insertion
 * order: each indexed store is compared with its own kind). The collections, indexes and query shapes are the
 * services' own (their {@code *Indexes} declarations, {@code VersionedWrites}, the outbox relay, the list filters and
 * the reactions to events, as Spring Data sends them); every write is applied to all four and every answer compared,
 * order included, then the whole contents.
 */
class IndexedBackendsTest {

    @TempDir
    Path dir;

    private final List<MongoServer> servers = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();
    /** plain memory, indexed memory, plain file, indexed file */
    private final List<MongoDatabase> stores = new ArrayList<>();

    @BeforeEach
    void start() {
        start(new PlainMemoryBackend());
        start(new IndexedBackends.Memory(() -> { }));
        start(new PlainFileBackend(dir.resolve("plain.mv").toString()));
        start(new IndexedBackends.Durable(dir.resolve("indexed.mv").toString(), () -> { }));
    }

    private void start(MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        java.net.InetSocketAddress address = server.bind();
        servers.add(server);
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        clients.add(client);
        stores.add(client.getDatabase("service"));
    }

    @AfterEach
    void stop() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdownNow);
    }

    /** The file store, unindexed, answering {@code hello} as the others do. */
    static final class PlainFileBackend extends H2Backend {

        PlainFileBackend(String fileName) {
            super(fileName);
        }

        @Override
        public de.bwaldvogel.mongo.bson.Document handleCommand(io.netty.channel.Channel channel, String databaseName, String command,
                de.bwaldvogel.mongo.bson.Document query) {
            return HelloCommand.answer(command, query, (c, q) -> super.handleCommand(channel, databaseName, c, q));
        }
    }

    @Test
    void helloIsAnsweredByEveryStore() {
        for (MongoDatabase store : stores) {
            assertThat(store.runCommand(new Document("hello", 1)).getBoolean("isWritablePrimary")).isTrue();
        }
    }

    @Test
    void memberServiceQueriesAnswerAsOnThePlainStore() {
        each(db -> {
            var members = db.getCollection("members");
            // MemberIndexes, and the outbox's pending index every service declares
            members.createIndex(Indexes.ascending("idNumberHash"), new IndexOptions().unique(true).name("id_number_hash"));
            members.createIndex(Indexes.ascending("transfers.id"), new IndexOptions().name("transfer_id"));
            members.createIndex(Indexes.ascending("organizationId"), new IndexOptions().name("organization"));
            members.createIndex(Indexes.ascending("partyOrganizationId"), new IndexOptions().name("party_organization"));
            members.createIndex(Indexes.ascending("street"), new IndexOptions().name("street"));
            members.createIndex(Indexes.ascending("outbox.0.eventId"), new IndexOptions().sparse(true).name("outbox_pending"));
            Random random = new Random(11);
            for (int i = 0; i < 300; i++) {
                members.insertOne(member(i, random));
            }
            return null;
        });
        for (int r = 0; r < 3; r++) {
            int round = r;
            String o = "o-" + round * 7;
            String p = "p-" + round * 3;
            // the relay's search, alone and for given documents; a member's version-guarded writes (VersionedWrites)
            ask("pending outbox", db -> ids(db, "members", Filters.exists("outbox.0.eventId"), null, 0, 0));
            ask("pending among ids", db -> ids(db, "members", Filters.and(Filters.in("_id", "m-3", "m-4", "m-8", "m-99"),
                    Filters.exists("outbox.0.eventId")), null, 0, 0));
            ask("upsert if newer", db -> db.getCollection("members").updateOne(Filters.and(Filters.eq("_id", "m-" + (round + 5)),
                    Filters.lt("version", 3L)), Updates.combine(Updates.set("version", 3L), Updates.push("outbox",
                    new Document("eventId", "e-" + round).append("type", "MemberUpdated")))).getModifiedCount());
            ask("upsert if newer, stale", db -> db.getCollection("members").updateOne(Filters.and(
                    Filters.eq("_id", "m-" + (round + 5)), Filters.lt("version", 2L)), Updates.set("stage", "X")).getMatchedCount());
            ask("still current", db -> db.getCollection("members").updateOne(Filters.and(Filters.eq("_id", "m-" + (round + 20)),
                    Filters.eq("version", 1L)), Updates.combine(Updates.set("version", 2L), Updates.set("organizationId", o)))
                    .getModifiedCount());
            ask("published", db -> db.getCollection("members").updateOne(Filters.eq("_id", "m-" + (round * 4)),
                    Updates.pull("outbox", new Document("eventId", "e-m-" + (round * 4)))).getModifiedCount());
            // list filters and data scope (street), sorted and paged as MemberRegistry asks
            ask("list by street", db -> ids(db, "members", Filters.eq("street", "JIANSHE"), Sorts.ascending("name", "_id"), 5, 10));
            ask("list by organization", db -> ids(db, "members", Filters.and(Filters.eq("organizationId", o),
                    Filters.eq("status", "ACTIVE")), Sorts.descending("registeredOn"), 0, 20));
            ask("list by party organization", db -> ids(db, "members", Filters.eq("partyOrganizationId", p), null, 0, 0));
            ask("count by party organization", db -> db.getCollection("members").countDocuments(Filters.and(
                    Filters.eq("partyOrganizationId", p), Filters.eq("status", "ACTIVE"))));
            // reactions to organization and party-organization events
            ask("members elsewhere", db -> ids(db, "members", Filters.and(Filters.eq("organizationId", o),
                    Filters.ne("street", "DADONG")), null, 0, 0));
            ask("unassigned", db -> ids(db, "members", Filters.and(Filters.in("organizationId", o, "o-1", "o-2", "o-none"),
                    Filters.eq("status", "ACTIVE"), Filters.eq("partyOrganizationId", null)), null, 0, 0));
            ask("street moves", db -> db.getCollection("members").updateMany(Filters.and(Filters.eq("organizationId", o),
                    Filters.eq("street", "DADONG")), Updates.set("street", "HUALE")).getModifiedCount());
            ask("placed", db -> db.getCollection("members").updateMany(Filters.in("organizationId", "o-1", "o-2"),
                    Updates.set("partyOrganizationId", p)).getModifiedCount());
            ask("transfer by id", db -> ids(db, "members", Filters.eq("transfers.id", "t-" + (round * 8)), null, 0, 0));
            ask("roster duplicates", db -> ids(db, "members", Filters.in("idNumberHash", "h-1", "h-2", "h-77", "h-x"), null, 0, 0));
            // a unique key $in values, looked up one by one (IndexedBackends.uniqueKeysIn): repeated, unknown, removed ids
            ask("by ids, some twice or unknown", db -> ids(db, "members", Filters.in("_id", "m-" + (round + 40), "m-3", "m-3",
                    "m-none", "m-8", "m-" + (round * 11 + 1)), null, 0, 0));
            ask("by ids, sorted and paged", db -> ids(db, "members", Filters.in("_id", "m-9", "m-1", "m-7", "m-2", "m-30"),
                    Sorts.descending("_id"), 1, 3));
            ask("by ids, projected", db -> db.getCollection("members").find(Filters.in("_id", "m-12", "m-13"))
                    .projection(Projections.include("name")).map(Document::toJson).into(new ArrayList<>()));
            ask("by ids, pending among them", db -> ids(db, "members", Filters.and(Filters.in("_id", "m-92", "m-12", "m-" + round,
                    "m-none", "m-12", "m-4"), Filters.exists("outbox.0.eventId")), null, 0, 0));
            ask("by ids, updated", db -> db.getCollection("members").updateMany(Filters.in("_id", "m-10", "m-11", "m-none"),
                    Updates.inc("version", 1L)).getModifiedCount());
            ask("left", db -> db.getCollection("members").deleteOne(Filters.eq("_id", "m-" + (round * 11 + 1))).getDeletedCount());
            ask("registered", db -> {
                db.getCollection("members").insertOne(member(1_000 + round, new Random(round)));
                return null;
            });
            ask("a field unset", db -> db.getCollection("members").updateOne(Filters.eq("_id", "m-" + (round * 5 + 2)),
                    Updates.unset("organizationId")).getModifiedCount());
            ask("without organization", db -> ids(db, "members", Filters.eq("organizationId", null), null, 0, 0));
            ask("pattern", db -> ids(db, "members", Filters.regex("name", "^n-1"), null, 0, 0));
        }
        ask("removed by ids", db -> db.getCollection("members").deleteMany(Filters.in("_id", "m-20", "m-21", "m-none"))
                .getDeletedCount());
        sameContents("members");
    }

    @Test
    void aChangeLogsNumberedStepsAnswerAsOnThePlainStore() {
        each(db -> {
            for (long step = 1; step <= 50; step++) {
                db.getCollection("log").insertOne(new Document("_id", step).append("kind", "MEMBER").append("ref", "m-" + step));
            }
            return null;
        });
        // ChangeLog.between and its pruning: ids as longs, asked as numbers of other types too
        ask("steps by id", db -> db.getCollection("log").find(Filters.in("_id", 3L, 4, 5L, 99L, 7.0)).map(Document::toJson)
                .into(new ArrayList<>()));
        ask("steps pruned", db -> db.getCollection("log").deleteMany(Filters.in("_id", 1L, 2L, 3L)).getDeletedCount());
        sameContents("log");
    }

    @Test
    void branchRegistryAndContextQueriesAnswerAsOnThePlainStore() {
        each(db -> {
            var organizations = db.getCollection("organizations"); // registry-service's OrganizationIndexes
            organizations.createIndex(Indexes.ascending("activeCreditCode"),
                    new IndexOptions().unique(true).sparse(true).name("active_credit_code"));
            organizations.createIndex(Indexes.ascending("street", "name"), new IndexOptions().name("street_name"));
            var partyOrganizations = db.getCollection("partyOrganizations"); // branch-service's, and member's known ones
            partyOrganizations.createIndex(Indexes.ascending("street"), new IndexOptions().name("street"));
            partyOrganizations.createIndex(Indexes.ascending("organizationIds"), new IndexOptions().name("organizationIds"));
            var instructors = db.getCollection("instructors");
            instructors.createIndex(Indexes.ascending("streets"), new IndexOptions().name("streets"));
            var dues = db.getCollection("duesPayments"); // member-service's DuesIndexes
            dues.createIndex(Indexes.ascending("memberId"), new IndexOptions().name("member"));
            dues.createIndex(Indexes.ascending("month"), new IndexOptions().name("month"));
            Random random = new Random(5);
            for (int i = 0; i < 200; i++) {
                Document o = new Document("_id", "o-" + i).append("name", "org-" + random.nextInt(1000))
                        .append("street", STREETS.get(random.nextInt(STREETS.size()))).append("version", 1L)
                        .append("creditCode", "5144" + i);
                if (i % 9 != 0) {
                    o.append("activeCreditCode", "5144" + i);
                }
                organizations.insertOne(o);
            }
            for (int i = 0; i < 40; i++) {
                List<String> covered = new ArrayList<>();
                for (int k = 0; k <= i % 4; k++) {
                    covered.add("o-" + (i * 5 + k));
                }
                partyOrganizations.insertOne(new Document("_id", "p-" + i).append("street", STREETS.get(i % STREETS.size()))
                        .append("status", i % 6 == 0 ? "DISSOLVED" : "ACTIVE").append("organizationIds", covered)
                        .append("version", 1L));
            }
            for (int i = 0; i < 15; i++) {
                instructors.insertOne(new Document("_id", "i-" + i).append("streets", List.of(STREETS.get(i % 3), STREETS.get(i % 5)))
                        .append("organizationIds", List.of("o-" + (100 + i))));
            }
            for (int i = 0; i < 240; i++) {
                dues.insertOne(new Document("_id", "d-" + i).append("memberId", "m-" + (i % 60))
                        .append("month", "2026-" + String.format("%02d", 1 + i % 10)).append("amount", "12.50"));
            }
            return null;
        });
        ask("active credit code", db -> ids(db, "organizations", Filters.eq("activeCreditCode", "51447"), null, 0, 0));
        ask("active credit codes", db -> ids(db, "organizations", Filters.in("activeCreditCode", "51441", "51449", "514418"), null, 0, 0));
        ask("registry list by street", db -> ids(db, "organizations", Filters.eq("street", "JIANSHE"), Sorts.ascending("name"), 0, 10));
        ask("registry search", db -> ids(db, "organizations", Filters.or(Filters.regex("name", "org-1"),
                Filters.regex("creditCode", "51441")), null, 0, 0));
        ask("deregistered", db -> db.getCollection("organizations").updateOne(Filters.eq("_id", "o-7"),
                Updates.unset("activeCreditCode")).getModifiedCount());
        ask("re-registered elsewhere", db -> db.getCollection("organizations").updateOne(Filters.and(Filters.eq("_id", "o-18"),
                Filters.eq("street", "DADONG")), Updates.set("street", "BAIYUN")).getMatchedCount());
        ask("covering an organization", db -> ids(db, "partyOrganizations", Filters.in("organizationIds", "o-5", "o-6", "o-77"),
                null, 0, 0));
        ask("active covering", db -> ids(db, "partyOrganizations", Filters.and(Filters.eq("status", "ACTIVE"),
                Filters.in("organizationIds", "o-10", "o-11", "o-12", "o-100")), null, 0, 0));
        ask("party organizations of a street", db -> ids(db, "partyOrganizations", Filters.eq("street", "HUALE"), null, 0, 0));
        ask("joint grows", db -> db.getCollection("partyOrganizations").findOneAndUpdate(Filters.and(Filters.eq("_id", "p-3"),
                Filters.eq("version", 1L)), Updates.combine(Updates.addToSet("organizationIds", "o-150"), Updates.inc("version", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)).toJson());
        ask("after it grew", db -> ids(db, "partyOrganizations", Filters.eq("organizationIds", "o-150"), null, 0, 0));
        ask("by ids", db -> ids(db, "partyOrganizations", Filters.in("_id", "p-1", "p-2", "p-39", "p-99"), null, 0, 0));
        ask("instructors of a street", db -> ids(db, "instructors", Filters.eq("streets", "JIANSHE"), null, 0, 0));
        ask("a member's dues", db -> ids(db, "duesPayments", Filters.eq("memberId", "m-7"), null, 0, 0));
        ask("recent months", db -> ids(db, "duesPayments", Filters.and(Filters.gte("month", "2026-08"), Filters.lt("month", "2026-10")),
                null, 0, 0));
        ask("dues upsert", db -> db.getCollection("duesPayments").updateOne(Filters.and(Filters.eq("memberId", "m-7"),
                Filters.eq("month", "2026-11")), Updates.set("amount", "13.00"), new UpdateOptions().upsert(true)).getMatchedCount());
        ask("a member's dues again", db -> db.getCollection("duesPayments").countDocuments(Filters.eq("memberId", "m-7")));
        for (String collection : List.of("organizations", "partyOrganizations", "instructors")) {
            sameContents(collection);
        }
    }

    private static final List<String> STREETS = List.of("JIANSHE", "DADONG", "HUALE", "BAIYUN", "DONGSHAN");

    private static Document member(int i, Random random) {
        Document m = new Document("_id", "m-" + i).append("version", 1L).append("idNumberHash", "h-" + i)
                .append("name", "n-" + random.nextInt(500)).append("street", STREETS.get(random.nextInt(STREETS.size())))
                .append("status", random.nextInt(10) == 0 ? "LEFT" : "ACTIVE").append("registeredOn", "2026-0" + (1 + i % 9) + "-15")
                .append("stage", random.nextBoolean() ? "FORMAL" : "PROBATIONARY");
        if (i % 13 != 0) {
            m.append("organizationId", "o-" + random.nextInt(25));
        }
        if (i % 3 == 0) {
            m.append("partyOrganizationId", "p-" + random.nextInt(10));
        }
        if (i % 8 == 0) {
            m.append("transfers", List.of(new Document("id", "t-" + i).append("to", "elsewhere")));
        }
        m.append("outbox", i % 4 == 0 ? List.of(new Document("eventId", "e-m-" + i).append("type", "MemberRegistered")) : List.of());
        return m;
    }

    private static List<String> ids(MongoDatabase db, String collection, Bson filter, Bson sort, int skip, int limit) {
        var find = db.getCollection(collection).find(filter);
        if (sort != null) {
            find = find.sort(sort);
        }
        return find.skip(skip).limit(limit).map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    private void each(Function<MongoDatabase, Object> step) {
        stores.forEach(step::apply);
    }

    /** Runs {@code step} on every store; the indexed ones must answer as their plain kin. */
    private void ask(String what, Function<MongoDatabase, Object> step) {
        List<Object> answers = stores.stream().map(step).toList();
        assertThat(answers.get(1)).as(what + " (memory)").isEqualTo(answers.get(0));
        assertThat(answers.get(3)).as(what + " (file)").isEqualTo(answers.get(2));
    }

    private void sameContents(String collection) {
        ask("contents of " + collection, db -> db.getCollection(collection).find().sort(Sorts.ascending("_id"))
                .map(Document::toJson).into(new ArrayList<>()));
    }
}
