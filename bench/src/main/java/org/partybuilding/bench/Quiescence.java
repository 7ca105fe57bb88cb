package org.partybuilding.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.partybuilding.local.GatewayClient;
import org.partybuilding.local.LocalPlatform;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * Waits until the platform has done what a set-up caused: no outbox holds an event and every consumer group has
 * read its topics to the end, twice in a row a second apart. A measure taken before that shares the two cores
 * with the services still applying the set-up's events (member assignments after establishments, read models),
 * which measured the machine's backlog, not the request.
 */
final class Quiescence {

    private Quiescence() {
    }

    /** Returns the seconds waited; fails after {@code limit}. */
    static double await(LocalPlatform platform, Duration limit) {
        long begin = System.nanoTime();
        long deadline = begin + limit.toNanos();
        int quietChecks = 0;
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()));
                MongoClient mongo = MongoClients.create(platform.mongoUri())) {
            while (System.nanoTime() < deadline) {
                long lag = lag(kafka);
                long pending = pendingOutboxes(mongo);
                quietChecks = lag == 0 && pending == 0 ? quietChecks + 1 : 0;
                if (quietChecks >= 2) {
                    return (System.nanoTime() - begin) / 1e9;
                }
                if (quietChecks == 0) {
                    System.out.printf(Locale.ROOT, "[bench quiet %6.1f s] consumer lag %,d, outbox documents pending %,d%n",
                            (System.nanoTime() - begin) / 1e9, lag, pending);
                }
                GatewayClient.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("The platform did not settle within " + limit);
    }

    private static long lag(Admin kafka) throws InterruptedException, ExecutionException {
        long lag = 0;
        for (ConsumerGroupListing group : kafka.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            var ends = kafka.listOffsets(latest).all().get();
            for (var entry : committed.entrySet()) {
                if (entry.getValue() != null && ends.get(entry.getKey()) != null) {
                    lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                }
            }
        }
        return lag;
    }

    /** Documents with an outbox event waiting, in every collection with the outbox's pending index (read through it). */
    private static long pendingOutboxes(MongoClient mongo) {
        long pending = 0;
        for (String name : mongo.listDatabaseNames()) {
            MongoDatabase database = mongo.getDatabase(name);
            for (String collection : database.listCollectionNames()) {
                List<Document> indexes = database.getCollection(collection).listIndexes().into(new java.util.ArrayList<>());
                if (indexes.stream().anyMatch(i -> "outbox_pending".equals(i.getString("name")))) {
                    pending += database.getCollection(collection).find(Filters.exists("outbox.0.eventId"))
                            .projection(new Document("_id", 1)).into(new java.util.ArrayList<>()).size();
                }
            }
        }
        return pending;
    }
}
