package org.partybuilding.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Starts the real infrastructure (MongoDB wire protocol, Kafka, Keycloak; no services) in a temporary data dir on
 * the standard ports. Slow (a first Keycloak start unpacks and builds it: about a minute), so only on request:
 * {@code mvn -f deploy/local/pom.xml test -Dlocal.it=true}.
 */
@EnabledIfSystemProperty(named = "local.it", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalPlatformInfrastructureTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Path dataDir;
    private LocalPlatform platform;

    @BeforeAll
    void start() throws Exception {
        // made here, not with @TempDir: a per-class @TempDir field is not yet injected in @BeforeAll
        dataDir = Files.createTempDirectory("local-platform-it");
        platform = new LocalPlatform(LocalSettings.builder().dataDir(dataDir).noServices().mongoUri(null).build());
        platform.start();
        System.out.println("start seconds: " + platform.startSeconds());
        System.out.println("resident kB:   " + platform.residentMemoryKb());
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
        LocalPlatform.deleteTree(dataDir);
    }

    @Test
    void kafkaRoundTripsARecordAndKeepsTopicsAcrossARestart() throws Exception {
        String topic = "local-it.round-trip";
        produce(topic, "before-restart");
        assertThat(consumeAll(topic, 1)).containsExactly("before-restart");

        long stopping = System.nanoTime();
        platform.stopKafka();
        long starting = System.nanoTime();
        platform.startKafka();
        System.out.printf("kafka stop %.1f s, restart %.1f s%n", (starting - stopping) / 1e9, (System.nanoTime() - starting) / 1e9);

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", platform.kafkaBootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).contains(topic);
        }
        produce(topic, "after-restart");
        assertThat(consumeAll(topic, 2)).containsExactlyInAnyOrder("before-restart", "after-restart");
    }

    @Test
    void keycloakIssuesTokensForTheLocalRealm() throws Exception {
        JsonNode committee = claims(passwordGrant("committee-admin"));
        assertThat(committee.path("iss").asText()).isEqualTo("http://localhost:8180/realms/party-building");
        assertThat(audience(committee)).contains("party-building-api");
        assertThat(roles(committee)).contains("committee-admin");
        assertThat(committee.path("exp").asLong() - committee.path("iat").asLong()).isEqualTo(900);

        JsonNode street = claims(passwordGrant("street-admin"));
        assertThat(street.path("street").asText()).isEqualTo("JIANSHE");
        assertThat(roles(street)).contains("street-admin");

        JsonNode finance = claims(token(Map.of("grant_type", "client_credentials", "client_id", "district-finance",
                "client_secret", "demo-finance-secret")));
        assertThat(roles(finance)).contains("finance");
        assertThat(audience(finance)).contains("party-building-api");
        assertThat(finance.path("iss").asText()).isEqualTo(platform.issuerUri());
    }

    @Test
    void aPartyOrganizationSetThroughTheAdminApiReachesTheBranchSecretarysToken() throws Exception {
        String admin = json(post(platform.keycloakUrl() + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin")))
                .path("access_token").asText();
        String users = platform.keycloakUrl() + "/admin/realms/party-building/users";
        JsonNode user = json(send(HttpRequest.newBuilder(URI.create(users + "?exact=true&username=branch-secretary"))
                .header("Authorization", "Bearer " + admin).GET().build())).get(0);
        ObjectNode updated = user.deepCopy();
        updated.putObject("attributes").putArray("party_org_id").add("po-42");
        send(HttpRequest.newBuilder(URI.create(users + "/" + user.path("id").asText()))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(updated.toString())).build());

        JsonNode secretary = claims(passwordGrant("branch-secretary"));
        assertThat(secretary.path("party_org_id").asText()).isEqualTo("po-42");
        assertThat(roles(secretary)).contains("branch-secretary");
    }

    @Test
    void scriptsUseThePublicCliClientWhileThePortalRefusesThePasswordGrant() throws Exception {
        // platform-cli is public: a password grant works without a secret, and portal refuses the password grant
        assertThat(passwordGrant("auditor")).isNotBlank();
        HttpResponse<String> portal = HTTP.send(HttpRequest.newBuilder(URI.create(platform.tokenUri()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id", "portal",
                        "username", "auditor", "password", "demo")))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(portal.statusCode()).isIn(400, 401); // confidential since the portal's BFF login: no secret, no token
    }

    // ---------------------------------------------------------------------------------------------------------

    private void produce(String topic, String value) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get();
        }
    }

    private List<String> consumeAll(String topic, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "local-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    private String passwordGrant(String user) throws Exception {
        return token(Map.of("grant_type", "password", "client_id", "platform-cli", "username", user, "password", "demo"));
    }

    private String token(Map<String, String> form) throws Exception {
        return json(post(platform.tokenUri(), form)).path("access_token").asText();
    }

    private static String post(String url, Map<String, String> form) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    private static String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(request.uri() + " → " + response.body()).isBetween(200, 299);
        return response.body();
    }

    private static String form(Map<String, String> form) {
        return new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static JsonNode json(String text) throws Exception {
        return RealmOverlay.JSON.readTree(text);
    }

    private static JsonNode claims(String jwt) throws Exception {
        return json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static List<String> audience(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        List<String> values = new ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(a -> values.add(a.asText()));
        } else {
            values.add(aud.asText());
        }
        return values;
    }

    private static List<String> roles(JsonNode claims) {
        List<String> values = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(r -> values.add(r.asText()));
        return values;
    }
}
