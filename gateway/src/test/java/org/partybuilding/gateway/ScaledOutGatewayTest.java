package org.partybuilding.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.InProcessMongo;
import org.partybuilding.platform.test.TestTokenIssuer;
import org.partybuilding.platform.test.TestTokens;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.util.UriComponentsBuilder;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.sun.net.httpserver.HttpServer;

import reactor.core.publisher.Flux;

/**
 * Two gateway instances on one MongoDB database, as behind a load balancer: a portal login begun on one is completed
 * on the other and its session then serves requests on both (the tokens relayed); the stored session shows no token,
 * no name and not the cookie; a machine client's budget is one across both; a service with two instances is served
 * by both in turn and, with one of them stopped, by the other alone without a failed request.
 */
class ScaledOutGatewayTest {

    static final String CLIENT = "portal";
    static final String DATABASE = "gateway-scaled-out";

    static StubService registry;
    static StubService registryReplica;
    static StubService funding;
    static FakeRealm realm;
    static ConfigurableApplicationContext gatewayA;
    static ConfigurableApplicationContext gatewayB;
    static WebTestClient a;
    static WebTestClient b;
    static int portA;

    @BeforeAll
    static void startTwoGateways() throws IOException {
        registry = StubService.start("registry");
        registryReplica = StubService.start("registry-2");
        funding = StubService.start("funding");
        realm = new FakeRealm();
        gatewayA = start();
        gatewayB = start();
        portA = port(gatewayA);
        a = client(gatewayA);
        b = client(gatewayB);
    }

    @AfterAll
    static void stopAll() {
        stop(realm, gatewayA, gatewayB, registry, registryReplica, funding);
    }

    /** Stops each of {@code closeables} (those started) and the realm, whatever fails. */
    static void stop(FakeRealm realm, AutoCloseable... closeables) {
        for (AutoCloseable closeable : closeables) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // stopping anyway
            }
        }
        if (realm != null) {
            realm.server.stop(0);
        }
    }

    static ConfigurableApplicationContext start() {
        return start(realm, DATABASE, false,
                "--logging.level.org.springframework.security.oauth2=DEBUG",
                "--logging.level.org.springframework.security.web.server.authentication=DEBUG",
                "--platform.gateway.services.registry.uri=" + registry.uri(),
                "--platform.gateway.services.registry.health-uri=" + registry.healthUri(),
                "--platform.gateway.services.registry.replicas=" + registryReplica.uri(),
                "--platform.gateway.services.funding.uri=" + funding.uri(),
                "--platform.gateway.services.funding.health-uri=" + funding.healthUri(),
                "--platform.gateway.client-rate-limits.clients.district-finance.burst=3",
                "--platform.gateway.client-rate-limits.clients.district-finance.per-second=0.01");
    }

    /**
     * A gateway on {@code database} of the in-process MongoDB-protocol server, logging in at {@code realm}, with
     * {@code more} arguments (its services); {@code inMemorySessions}: WebFlux's in-memory session store in place of
     * {@code MongoWebSessionStore} (what the gateway had before issue 27, for {@link SessionCostProbe}'s comparison).
     */
    static ConfigurableApplicationContext start(FakeRealm realm, String database, boolean inMemorySessions, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0", "--management.server.port=0",
                "--spring.mongodb.uri=" + InProcessMongo.uri(), "--spring.mongodb.database=" + database,
                "--platform.gateway.session.key=" + GatewayTestDatabase.SESSION_KEY,
                "--platform.security.issuer-uri=" + realm.issuer(),
                "--platform.security.jwk-set-uri=" + TestTokenIssuer.get().jwkSetUri(),
                "--platform.security.audience=" + TestTokenIssuer.AUDIENCE,
                "--platform.portal.client-id=" + CLIENT, "--platform.portal.client-secret=test-secret"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(GatewayApplication.class)
                // as Spring's test contexts do: closing this gateway must not stop Reactor Netty's global event loops,
                // which the other test classes' stub services run on
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessBeforeInitialization(Object bean, String name) {
                        if (bean instanceof ReactorResourceFactory resources) {
                            resources.setUseGlobalResources(false);
                        }
                        return bean;
                    }

                    @Override
                    public Object postProcessAfterInitialization(Object bean, String name) {
                        if (inMemorySessions && bean instanceof DefaultWebSessionManager manager) {
                            manager.setSessionStore(new InMemoryWebSessionStore());
                        }
                        return bean;
                    }
                }))
                .run(arguments.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    static WebTestClient client(ConfigurableApplicationContext context) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port(context))
                .responseTimeout(java.time.Duration.ofSeconds(30)).build();
    }

    /** A portal login begun on A and completed on B; answers the session cookie before and after it. */
    static String[] logIn() {
        return logIn(realm, a, portA, b);
    }

    /**
     * A portal login begun on {@code begin} (listening on {@code beginPort}) and completed on {@code complete} (the
     * same gateway, or another behind the same host name); answers the session cookie before and after it.
     */
    static String[] logIn(FakeRealm realm, WebTestClient begin, int beginPort, WebTestClient complete) {
        // the browser is sent to the realm; the login's state, nonce and PKCE verifier wait in the session
        var begun = begin.get().uri("/oauth2/authorization/keycloak").exchange().expectStatus().isFound().returnResult(Void.class);
        URI authorize = begun.getResponseHeaders().getLocation();
        var query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams();
        String firstSession = sessionCookie(begun.getResponseCookies().getFirst("SESSION"));
        realm.nonce.set(decoded(query.getFirst("nonce")));
        String state = decoded(query.getFirst("state"));

        // the realm's redirect back (on the other instance: the same host name, as behind one load balancer)
        var callback = complete.get().uri(uri -> uri.path("/login/oauth2/code/keycloak").queryParam("code", "the-code")
                        .queryParam("state", "{state}").build(state))
                .header(HttpHeaders.HOST, "localhost:" + beginPort)
                .cookie("SESSION", firstSession)
                .exchange().expectStatus().isFound().returnResult(Void.class);
        assertThat(realm.tokenRequests).as("the code exchanged for tokens").isNotEmpty();
        assertThat(realm.tokenRequests.get(realm.tokenRequests.size() - 1)).contains("code=the-code").contains("code_verifier=");
        assertThat(callback.getResponseHeaders().getLocation().toString()).doesNotContain("error");
        String session = sessionCookie(callback.getResponseCookies().getFirst("SESSION"));
        assertThat(session).isNotEqualTo(firstSession); // a new id at login (session fixation)
        return new String[] {firstSession, session};
    }

    @Test
    void aPortalLoginBegunOnOneInstanceIsCompletedOnTheOtherAndItsSessionServesBoth() {
        String[] sessions = logIn();
        String firstSession = sessions[0];
        String session = sessions[1];

        // the session now serves API calls on both instances, the access token relayed to the service
        for (WebTestClient gateway : List.of(a, b, a, b)) {
            String uri = "/api/funding/probe/" + UUID.randomUUID();
            gateway.get().uri(uri).cookie("SESSION", session).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.authorization").isEqualTo(TestTokens.bearer(realm.accessToken));
        }
        b.get().uri("/auth/me").cookie("SESSION", session).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.username").isEqualTo("auditor");

        // at rest: neither token nor name readable, and not the cookie that would log someone in
        List<Document> stored = storedSessions();
        assertThat(stored).isNotEmpty();
        String dump = stored.toString();
        assertThat(dump).doesNotContain(realm.accessToken).doesNotContain(realm.refreshToken).doesNotContain(realm.idToken)
                .doesNotContain("auditor").doesNotContain(session).doesNotContain(firstSession);
        assertThat(stored).allSatisfy(document -> assertThat(document.get("sealed")).isInstanceOf(org.bson.types.Binary.class));

        // logging out on one instance ends the session on both
        String csrf = UUID.randomUUID().toString();
        b.post().uri("/logout").cookie("SESSION", session).cookie("XSRF-TOKEN", csrf).header("X-XSRF-TOKEN", csrf)
                .exchange().expectStatus().isFound();
        a.get().uri("/api/funding/probe/after-logout").cookie("SESSION", session).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aMachineClientHasOneBudgetAcrossBothInstances() {
        String machine = TestTokens.bearer(TestTokens.builder().issuer(realm.issuer()).role(Role.FINANCE)
                .username("service-account-district-finance").client("district-finance").build());
        String uri = "/api/funding/reports?fiscalYear=2026&groupBy=street";
        List<Integer> statuses = new ArrayList<>();
        for (WebTestClient gateway : List.of(a, b, a, b)) {
            statuses.add(gateway.get().uri(uri).header(HttpHeaders.AUTHORIZATION, machine).exchange()
                    .returnResult(Void.class).getStatus().value());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 429);
        assertThat(funding.received(uri)).hasSize(3);
    }

    @Test
    void aServiceWithTwoInstancesIsServedByBothAndByTheOtherWhenOneIsDown() {
        String bearer = TestTokens.bearer(TestTokens.builder().issuer(realm.issuer()).role(Role.AUDITOR).build());
        for (int i = 0; i < 4; i++) {
            a.get().uri("/api/registry/spread/" + i).header(HttpHeaders.AUTHORIZATION, bearer).exchange().expectStatus().isOk()
                    .expectBody().returnResult(); // read to the end: an unread body keeps its connection from the pool
        }
        assertThat(registry.received("/api/registry/spread/0").size() + registry.received("/api/registry/spread/1").size()
                + registry.received("/api/registry/spread/2").size() + registry.received("/api/registry/spread/3").size()).isEqualTo(2);

        StubService down = registryReplica;
        down.close();
        for (int i = 0; i < 6; i++) {
            for (WebTestClient gateway : List.of(a, b)) {
                String uri = "/api/registry/one-down/" + i + "/" + UUID.randomUUID();
                gateway.post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).bodyValue("{}")
                        .header(HttpHeaders.CONTENT_TYPE, "application/json").exchange()
                        .expectStatus().isOk().expectBody().jsonPath("$.service").isEqualTo("registry");
                assertThat(registry.received(uri)).hasSize(1);
            }
        }
    }

    static String decoded(String queryValue) {
        return java.net.URLDecoder.decode(queryValue, StandardCharsets.UTF_8);
    }

    static String sessionCookie(ResponseCookie cookie) {
        assertThat(cookie).as("a SESSION cookie").isNotNull();
        return cookie.getValue();
    }

    static List<Document> storedSessions() {
        try (MongoClient mongo = MongoClients.create(InProcessMongo.uri())) {
            return Flux.from(mongo.getDatabase(DATABASE).getCollection("portalSessions").find()).collectList()
                    .block(java.time.Duration.ofSeconds(10));
        }
    }

    /** The realm's token endpoint as Keycloak answers the authorization-code grant: tokens signed by the test issuer's key. */
    static final class FakeRealm {

        final HttpServer server;
        final AtomicReference<String> nonce = new AtomicReference<>();
        final List<String> tokenRequests = new CopyOnWriteArrayList<>();
        volatile String accessToken;
        volatile String refreshToken;
        volatile String idToken;

        FakeRealm() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/realms/party-building/protocol/openid-connect/token", exchange -> {
                tokenRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                accessToken = TestTokens.builder().issuer(issuer()).role(Role.AUDITOR).username("auditor").client(CLIENT).build();
                refreshToken = "refresh-" + UUID.randomUUID();
                idToken = TestTokens.builder().issuer(issuer()).audience(CLIENT).client(CLIENT).username("auditor")
                        .claim("nonce", nonce.get()).build();
                byte[] body = json(Map.of("access_token", accessToken, "token_type", "Bearer", "expires_in", 300,
                        "refresh_token", refreshToken, "id_token", idToken, "scope", "openid"));
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.createContext("/realms/party-building/protocol/openid-connect/userinfo", exchange -> {
                byte[] body = json(Map.of("sub", UUID.nameUUIDFromBytes("auditor".getBytes()).toString(),
                        "preferred_username", "auditor"));
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        String issuer() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/party-building";
        }

        static byte[] json(Map<String, Object> values) {
            return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsBytes(values);
        }
    }
}
