package org.partybuilding.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPlatformTest {

    @TempDir
    Path repo;

    @Test
    void findsTheRepositoryRootAboveTheWorkingDirectory() throws IOException {
        Files.createDirectories(repo.resolve("deploy/local"));
        Path deep = Files.createDirectories(repo.resolve("system-tests/src/test"));
        assertThat(LocalPlatform.findRepoRoot(deep)).isEqualTo(repo.toAbsolutePath().normalize());
        assertThatThrownBy(() -> LocalPlatform.findRepoRoot(Path.of("/"))).hasMessageContaining("no deploy/local");
    }

    @Test
    void servicesLearnWhereEverythingIsAndTheGatewayAlsoWhereTheServicesAre() {
        LocalPlatform platform = new LocalPlatform(LocalSettings.builder().repoRoot(repo).mongoUri(null).build());

        Map<String, String> member = platform.serviceEnvironment("member-service");
        assertThat(member).containsEntry("SERVER_PORT", "8083")
                .containsEntry("MANAGEMENT_SERVER_PORT", "9083")
                .containsEntry("SERVER_ADDRESS", "127.0.0.1")
                .containsEntry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1")
                .containsEntry("MONGODB_URI", "mongodb://127.0.0.1:27017")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("PLATFORM_SECURITY_ISSUER_URI", "http://localhost:8180/realms/party-building")
                .containsEntry("PLATFORM_SECURITY_JWK_SET_URI",
                        "http://localhost:8180/realms/party-building/protocol/openid-connect/certs")
                .doesNotContainKey("REGISTRY_SERVICE_URI");

        Map<String, String> gateway = platform.serviceEnvironment("gateway");
        assertThat(gateway).containsEntry("SERVER_PORT", "8080").containsEntry("MANAGEMENT_SERVER_PORT", "9080")
                .containsEntry("SERVER_ADDRESS", "127.0.0.1").containsEntry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1")
                .containsEntry("REGISTRY_SERVICE_URI", "http://127.0.0.1:8081")
                .containsEntry("BRANCH_SERVICE_URI", "http://127.0.0.1:8082")
                .containsEntry("MEMBER_SERVICE_URI", "http://127.0.0.1:8083")
                .containsEntry("TRAINING_SERVICE_URI", "http://127.0.0.1:8084")
                .containsEntry("FUNDING_SERVICE_URI", "http://127.0.0.1:8085")
                .containsEntry("REGISTRY_SERVICE_HEALTH_URI", "http://127.0.0.1:9081/actuator/health/readiness")
                .containsEntry("FUNDING_SERVICE_HEALTH_URI", "http://127.0.0.1:9085/actuator/health/readiness")
                .containsEntry("FUNDING_SERVICE_REPLICA_URIS", "")
                .containsKey("GATEWAY_SESSION_KEY");
        assertThat(platform.gatewayUrl()).isEqualTo("http://localhost:8080");
        assertThat(platform.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void anExternalMongoDbIsPassedOnAndAnOffsetMovesEveryPort() {
        LocalPlatform platform = new LocalPlatform(LocalSettings.builder().repoRoot(repo)
                .mongoUri("mongodb://db.example:27017/?replicaSet=rs0").portOffset(1000).build());

        assertThat(platform.serviceEnvironment("registry-service"))
                .containsEntry("MONGODB_URI", "mongodb://db.example:27017/?replicaSet=rs0")
                .containsEntry("SERVER_PORT", "9081")
                .containsEntry("PLATFORM_SECURITY_ISSUER_URI", "http://localhost:9180/realms/party-building");
        assertThat(platform.serviceEnvironment("gateway"))
                .containsEntry("REGISTRY_SERVICE_HEALTH_URI", "http://127.0.0.1:10081/actuator/health/readiness");
        assertThat(platform.keycloakUrl()).isEqualTo("http://localhost:9180");
    }

    @Test
    void withReplicasEachInstanceHasItsOwnPortsAndKafkaNameAndEveryGatewayKnowsEveryInstance() {
        LocalPlatform platform = new LocalPlatform(LocalSettings.builder().repoRoot(repo).mongoUri(null).replicas(3).build());

        assertThat(platform.serviceEnvironment("member-service", 0)).containsEntry("SERVER_PORT", "8083")
                .containsEntry("PLATFORM_KAFKA_INSTANCE_ID", "local-member-service");
        assertThat(platform.serviceEnvironment("member-service", 1)).containsEntry("SERVER_PORT", "8103")
                .containsEntry("MANAGEMENT_SERVER_PORT", "9103").containsEntry("PLATFORM_KAFKA_INSTANCE_ID", "local-member-service-2");
        assertThat(platform.serviceEnvironment("member-service", 2)).containsEntry("SERVER_PORT", "8123")
                .containsEntry("MANAGEMENT_SERVER_PORT", "9123").containsEntry("PLATFORM_KAFKA_INSTANCE_ID", "local-member-service-3");
        for (int gateway = 0; gateway < 3; gateway++) {
            Map<String, String> env = platform.serviceEnvironment("gateway", gateway);
            assertThat(env).containsEntry("MEMBER_SERVICE_URI", "http://127.0.0.1:8083")
                    .containsEntry("MEMBER_SERVICE_REPLICA_URIS", "http://127.0.0.1:8103,http://127.0.0.1:8123")
                    .containsEntry("GATEWAY_SESSION_KEY", platform.sessionKey());
        }
        assertThat(platform.serviceEnvironment("gateway", 1)).containsEntry("SERVER_PORT", "8100");
        assertThat(platform.gatewayUrls()).containsExactly("http://localhost:8080", "http://localhost:8100", "http://localhost:8120");
        assertThat(platform.sessionKey()).isNotEqualTo(platform.privacyKey()).hasSize(44);
        assertThatThrownBy(() -> LocalSettings.builder().repoRoot(repo).replicas(4)).hasMessageContaining("between 1 and 3");
    }

    @Test
    void withSeveralGatewaysThePortalClientAcceptsEachOnesRedirects() throws IOException {
        String realm = "{\"clients\": [{\"clientId\": \"platform-cli\"}, {\"clientId\": \"portal\", \"rootUrl\": \"http://localhost:8080\","
                + " \"redirectUris\" : [ \"http://localhost:8080/login/oauth2/code/keycloak\" ],"
                + " \"attributes\": {\"pkce.code.challenge.method\": \"S256\", \"post.logout.redirect.uris\": \"http://localhost:8080/\"}}]}";
        var portal = RealmOverlay.JSON.readTree(KeycloakServer.movePortal(realm, List.of(14080, 14100))).path("clients").get(1);
        assertThat(portal.path("rootUrl").asText()).isEqualTo("http://localhost:14080");
        assertThat(portal.path("redirectUris").toString()).isEqualTo(
                "[\"http://localhost:14080/login/oauth2/code/keycloak\",\"http://localhost:14100/login/oauth2/code/keycloak\"]");
        assertThat(portal.path("attributes").path("post.logout.redirect.uris").asText())
                .isEqualTo("http://localhost:14080/##http://localhost:14100/");
        assertThat(portal.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(KeycloakServer.movePortal(realm, List.of(18080))).contains("http://localhost:18080/login/oauth2/code/keycloak")
                .doesNotContain("localhost:8080");
    }

    @Test
    void aMissingServiceJarIsReportedBeforeAnythingStarts() {
        LocalPlatform platform = new LocalPlatform(LocalSettings.builder().repoRoot(repo)
                .dataDir(repo.resolve("data")).modules(List.of("funding-service")).log(line -> { }).build());

        assertThatThrownBy(platform::start).isInstanceOf(LocalPlatformException.class)
                .hasMessageContaining("funding-service")
                .hasMessageContaining("no jar for funding-service");
    }

    @Test
    void aBusyPortIsNamedWithItsOwner() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            assertThat(Ports.isFree(port)).isFalse();
            assertThat(ProcessInfo.listenerOf(port)).contains("pid " + ProcessHandle.current().pid());
        }
    }
}
