package org.partybuilding.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partybuilding.gateway.GatewayTest.expectProblem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.TestTokenIssuer;
import org.partybuilding.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=500ms",
        "GATEWAY_IMPORT_RESPONSE_TIMEOUT_MS=10000"})
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class DownstreamFailureTest {

    /** registry: nothing listens on its port. */
    static final int CLOSED_PORT = closedPort();
    /** branch: reads a request, then resets the connection without an answer. */
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
        for (String name : new String[] {"branch", "member", "funding"}) {
            properties.add("platform.gateway.services." + name + ".health-uri", HEALTHY::healthUri);
        }
        properties.add("platform.gateway.services.training.health-uri", () -> ""); // not waited for
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

    /** The gateway's own line about a service that did not answer carries the request's trace id (TracedLogging). */
    @Test
    void theLineAboutAServiceThatDidNotAnswerCarriesTheRequestsTraceId(CapturedOutput output) {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4738";
        web.get().uri("/api/registry/organizations/traced").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.forRole(Role.AUDITOR)))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").exchange().expectStatus().isEqualTo(503);
        assertThat(output.getAll().lines().filter(line -> line.contains("GET /api/registry/organizations/traced got no answer")))
                .singleElement().asString().contains(traceId);
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
        // Leaves an open connection to the service in the gateway's pool; the POST below reuses it.
        web.get().uri("/api/branches/warm-up").header(HttpHeaders.AUTHORIZATION,
                TestTokens.bearer(TestTokens.forRole(Role.AUDITOR))).exchange().expectStatus().isOk();
        expectProblem(post("/api/branches"), 502)
                .jsonPath("$.type").isEqualTo("https://partybuilding.org/problems/bad-gateway")
                .consumeWith(result -> assertNoInternals(result.getResponseBody(), HANG_UP.port()));
        assertThat(HANG_UP.received("POST /api/branches HTTP/1.1")).isEqualTo(1);
    }

    @Test
    void aServiceTooSlowIs504() {
        expectProblem(web.get().uri("/api/members/1").header(HttpHeaders.AUTHORIZATION,
                TestTokens.bearer(TestTokens.forRole(Role.AUDITOR))).exchange(), 504)
                .jsonPath("$.type").isEqualTo("https://partybuilding.org/problems/gateway-timeout")
                .consumeWith(result -> assertNoInternals(result.getResponseBody(), SLOW.port()));
    }

    @Test
    void anImportSlowerThanTheResponseTimeoutIsWaitedFor() {
        // the member stub answers after 3 s: past the 500-ms response timeout, within the imports' own (10 s here)
        web.post().uri("/api/members/import").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.forRole(Role.DISTRICT_ADMIN)))
                .exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("late");
        // any other path of the service still times out
        expectProblem(web.post().uri("/api/members").header(HttpHeaders.AUTHORIZATION,
                TestTokens.bearer(TestTokens.forRole(Role.DISTRICT_ADMIN))).exchange(), 504);
    }

    @Test
    void aServiceUnreachableLeavesTheGatewayReadyItsPathsAnswer503WithRetryAfterAndHealthSaysDegraded() {
        // the unreachable service's own paths: 503 problem+json with Retry-After
        post("/api/registry/organizations").expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5");
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
        // the gateway stays ready: readiness never asks the services
        management.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.routes").doesNotExist();
        // the overall health shows which service is away, as DEGRADED, answered 200
        management.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("DEGRADED")
                .jsonPath("$.components.routes.status").isEqualTo("DEGRADED")
                .jsonPath("$.components.routes.details.registry").isEqualTo("UNREACHABLE")
                .jsonPath("$.components.routes.details.funding").isEqualTo("UP")
                .jsonPath("$.components.routes.details.training").doesNotExist();
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

    /**
     * A service that answers {@code .../warm-up} normally (the connection stays open and goes back to
     * the gateway's pool) and resets the connection on any other request after reading it: the case
     * where an HTTP client is tempted to re-send on a fresh connection.
     */
    static final class HangUp implements AutoCloseable {

        private final ServerSocket socket;
        private final List<String> requests = new CopyOnWriteArrayList<>();

        HangUp() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket connection = socket.accept();
                        Thread worker = new Thread(() -> serve(connection), "hang-up-connection");
                        worker.setDaemon(true);
                        worker.start();
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

        /** Request lines received, e.g. {@code POST /api/branches HTTP/1.1}. */
        long received(String requestLine) {
            return requests.stream().filter(requestLine::equals).count();
        }

        private void serve(Socket connection) {
            try (connection; BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1))) {
                OutputStream out = connection.getOutputStream();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    requests.add(line);
                    int length = 0;
                    for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                        if (header.toLowerCase().startsWith("content-length:")) {
                            length = Integer.parseInt(header.substring(15).trim());
                        }
                    }
                    in.skip(length);
                    if (!line.contains("/warm-up")) {
                        connection.setSoLinger(true, 0); // close with a reset, no answer
                        return;
                    }
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
            } catch (IOException e) {
                // the gateway went away
            }
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
