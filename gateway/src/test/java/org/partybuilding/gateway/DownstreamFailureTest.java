package org.partybuilding.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partybuilding.gateway.GatewayTest.expectProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.TestTokenIssuer;
import org.partybuilding.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * What callers see when a service is not there, hangs up, or is too slow: the gateway's own
 * problem+json, naming no host, port or exception, and a POST sent once, never again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=500ms"})
@AutoConfigureWebTestClient
class DownstreamFailureTest {

    /** registry: nothing listens on its port. */
    static final int CLOSED_PORT = closedPort();
    /** branch: accepts the connection, then closes it without an answer. */
    static final HangUp HANG_UP = new HangUp();
    /** member: answers only after the gateway's response timeout. */
    static final DisposableServer SLOW = HttpServer.create().host("127.0.0.1").port(0)
            .handle((request, response) -> Mono.delay(Duration.ofSeconds(3)).then(response.sendString(Mono.just("late")).then()))
            .bindNow();
    /** training and funding: healthy. */
    static final StubService HEALTHY = StubService.start("healthy");

    @DynamicPropertySource
    static void gatewayTargets(DynamicPropertyRegistry properties) {
        properties.add("platform.security.issuer-uri", () -> TestTokenIssuer.get().issuer());
        properties.add("platform.security.jwk-set-uri", () -> TestTokenIssuer.get().jwkSetUri());
        properties.add("platform.gateway.services.registry.uri", () -> "http://127.0.0.1:" + CLOSED_PORT);
        properties.add("platform.gateway.services.registry.health-uri",
                () -> "http://127.0.0.1:" + CLOSED_PORT + "/actuator/health/readiness");
        properties.add("platform.gateway.services.branch.uri", () -> "http://127.0.0.1:" + HANG_UP.port());
        properties.add("platform.gateway.services.member.uri", () -> "http://127.0.0.1:" + SLOW.port());
        for (String name : new String[] {"training", "funding"}) {
            properties.add("platform.gateway.services." + name + ".uri", HEALTHY::uri);
        }
        for (String name : new String[] {"branch", "member", "training", "funding"}) {
            properties.add("platform.gateway.services." + name + ".health-uri", HEALTHY::healthUri);
        }
    }

    @AfterAll
    static void stop() {
        HANG_UP.close();
        SLOW.disposeNow();
        HEALTHY.close();
    }

    @Autowired
    WebTestClient web;

    @LocalManagementPort
    int managementPort;

    private WebTestClient.ResponseSpec post(String uri) {
        return web.post().uri(uri).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.forRole(Role.DISTRICT_ADMIN)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"x\"}").exchange();
    }

    @Test
    void aServiceThatIsNotListeningIs503WithoutInternals() {
        expectProblem(post("/api/registry/organizations"), 503)
                .jsonPath("$.type").isEqualTo("https://partybuilding.org/problems/service-unavailable")
                .jsonPath("$.instance").isEqualTo("/api/registry/organizations")
                .consumeWith(result -> assertNoInternals(result.getResponseBody(), CLOSED_PORT));
        expectProblem(web.get().uri("/v3/api-docs/registry").exchange(), 503);
    }

    @Test
    void aServiceThatHangsUpIs502AndThePostIsNotSentAgain() {
        int before = HANG_UP.connections.get();
        expectProblem(post("/api/branches"), 502)
                .jsonPath("$.type").isEqualTo("https://partybuilding.org/problems/bad-gateway")
                .consumeWith(result -> assertNoInternals(result.getResponseBody(), HANG_UP.port()));
        assertThat(HANG_UP.connections.get() - before).isEqualTo(1);
    }

    @Test
    void aServiceTooSlowIs504() {
        expectProblem(web.get().uri("/api/members/1").header(HttpHeaders.AUTHORIZATION,
                TestTokens.bearer(TestTokens.forRole(Role.AUDITOR))).exchange(), 504)
                .jsonPath("$.type").isEqualTo("https://partybuilding.org/problems/gateway-timeout")
                .consumeWith(result -> assertNoInternals(result.getResponseBody(), SLOW.port()));
    }

    @Test
    void readinessIsDownWhileAServiceIsUnreachableButLivenessIsUp() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
        management.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.components.routes.status").isEqualTo("DOWN")
                .jsonPath("$.components.routes.details.registry").isEqualTo("UNREACHABLE")
                .jsonPath("$.components.routes.details.funding").isEqualTo("UP");
        management.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    private static void assertNoInternals(byte[] body, int port) {
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("127.0.0.1", "localhost", String.valueOf(port), "Exception", "refused", "at org.");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accepts connections and closes each one at once, counting them. */
    static final class HangUp implements AutoCloseable {

        final AtomicInteger connections = new AtomicInteger();
        private final ServerSocket socket;

        HangUp() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "hang-up-stub");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
