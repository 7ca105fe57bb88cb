package org.partybuilding.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The local store keeps what the services wrote across a restart of the platform, and answers Boot's health check. The
 * indexes it adds are mongo-emulator's, tested there against the plain store.
 */
class MongoStoreTest {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesARestartAndHelloIsAnswered() throws IOException {
        int port = freePort();
        try (MongoStore store = new MongoStore(dir, port, false)) {
            store.start();
            try (MongoClient client = MongoClients.create(store.uri())) {
                client.getDatabase("registry").getCollection("organizations")
                        .insertOne(new Document("_id", "o-1").append("name", "越秀区慈善会"));
                assertThat(client.getDatabase("admin").runCommand(new Document("hello", 1)).getBoolean("isWritablePrimary")).isTrue();
            }
        }
        try (MongoStore store = new MongoStore(dir, port, false)) {
            store.start();
            try (MongoClient client = MongoClients.create(store.uri())) {
                Document organization = client.getDatabase("registry").getCollection("organizations")
                        .find(new Document("_id", "o-1")).first();
                assertThat(organization).isNotNull();
                assertThat(organization.getString("name")).isEqualTo("越秀区慈善会");
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
