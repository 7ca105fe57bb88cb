package org.partybuilding.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.partybuilding.gateway.ScaledOutGatewayTest.FakeRealm;
import org.partybuilding.platform.test.TestTokens;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Not a check, a measurement, off by default ({@code -Dgateway.session-cost=true -Dtest=SessionCostProbe}; rounds with
 * {@code -Dgateway.session-cost.rounds=}): what the MongoDB session store costs a portal request. Side by side in one
 * JVM, in alternating blocks: a GET with a portal session on a gateway with {@code MongoWebSessionStore} (one read by
 * {@code _id} from the in-process MongoDB-protocol server, an AES-GCM open, a deserialization), the same on a gateway
 * with WebFlux's in-memory store (what it had before issue 27), and the same GET with a bearer token (no session).
 * Prints per kind the latency (median, p95) and the JVM's CPU time per request (client, gateway, stub service and
 * MongoDB server alike: only the store differs), and their ratios. It asserts answers, never a time.
 *
 * <p>Every response body is read to the end: an unread body keeps its connection out of the client's pool, and after
 * the pool's 16 connections the next request waits (what made the first version of this measurement hang).
 */
@EnabledIfSystemProperty(named = "gateway.session-cost", matches = "true")
class SessionCostProbe {

    private static final String DATABASE = "gateway-session-cost";
    private static final String PATH = "/api/funding/cost";

    static StubService funding;
    static FakeRealm realm;
    static ConfigurableApplicationContext mongoStore;
    static ConfigurableApplicationContext memoryStore;

    @BeforeAll
    static void start() throws Exception {
        funding = StubService.start("funding");
        realm = new FakeRealm();
        String[] services = {"--platform.gateway.services.funding.uri=" + funding.uri(),
                "--platform.gateway.services.funding.health-uri=" + funding.healthUri()};
        mongoStore = ScaledOutGatewayTest.start(realm, DATABASE, false, services);
        memoryStore = ScaledOutGatewayTest.start(realm, DATABASE + "-memory", true, services);
    }

    @AfterAll
    static void stop() {
        ScaledOutGatewayTest.stop(realm, mongoStore, memoryStore, funding);
    }

    /** One kind of request: the gateway and how it authenticates; its figures. */
    private record Kind(String name, WebTestClient gateway, String header, String value, List<Long> nanos, long[] cpu) {

        void send() {
            byte[] body = gateway.get().uri(PATH).header(header, value).exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseBodyContent();
            assertThat(body).isNotEmpty();
        }
    }

    @Test
    void sessionCostPerRequest() {
        WebTestClient onMongo = ScaledOutGatewayTest.client(mongoStore);
        WebTestClient onMemory = ScaledOutGatewayTest.client(memoryStore);
        String mongoSession = ScaledOutGatewayTest.logIn(realm, onMongo, ScaledOutGatewayTest.port(mongoStore), onMongo)[1];
        String memorySession = ScaledOutGatewayTest.logIn(realm, onMemory, ScaledOutGatewayTest.port(memoryStore), onMemory)[1];
        String bearer = TestTokens.bearer(realm.accessToken);
        List<Kind> kinds = List.of(
                new Kind("portal session, MongoDB store", onMongo, HttpHeaders.COOKIE, "SESSION=" + mongoSession, new ArrayList<>(), new long[1]),
                new Kind("portal session, in-memory store", onMemory, HttpHeaders.COOKIE, "SESSION=" + memorySession, new ArrayList<>(), new long[1]),
                new Kind("bearer token, no session", onMongo, HttpHeaders.AUTHORIZATION, bearer, new ArrayList<>(), new long[1]));
        int rounds = Integer.getInteger("gateway.session-cost.rounds", 2000);
        int block = 100;
        for (int warmUp = 0; warmUp < 300; warmUp++) {
            kinds.forEach(Kind::send);
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int b = 0; b < rounds / block; b++) {
            for (int k = 0; k < kinds.size(); k++) {
                Kind kind = kinds.get((b + k) % kinds.size()); // each kind first in turn
                long cpuBefore = os.getProcessCpuTime();
                for (int i = 0; i < block; i++) {
                    long began = System.nanoTime();
                    kind.send();
                    kind.nanos().add(System.nanoTime() - began);
                }
                kind.cpu()[0] += os.getProcessCpuTime() - cpuBefore;
            }
        }
        double[] cpuMicros = new double[kinds.size()];
        double[] medianMillis = new double[kinds.size()];
        StringBuilder report = new StringBuilder("[session-cost] " + rounds + " requests of each kind, in blocks of " + block + ":\n");
        for (int k = 0; k < kinds.size(); k++) {
            Kind kind = kinds.get(k);
            long[] sorted = kind.nanos().stream().mapToLong(Long::longValue).sorted().toArray();
            medianMillis[k] = sorted[sorted.length / 2] / 1e6;
            cpuMicros[k] = kind.cpu()[0] / 1e3 / sorted.length;
            report.append(String.format("[session-cost]   %-32s median %.3f ms, p95 %.3f ms, CPU %.0f µs per request%n",
                    kind.name(), medianMillis[k], sorted[sorted.length * 95 / 100] / 1e6, cpuMicros[k]));
        }
        report.append(String.format("[session-cost]   MongoDB store vs in-memory store: latency x%.2f (%+.3f ms), CPU x%.2f (%+.0f µs)%n",
                medianMillis[0] / medianMillis[1], medianMillis[0] - medianMillis[1], cpuMicros[0] / cpuMicros[1], cpuMicros[0] - cpuMicros[1]));
        report.append(String.format("[session-cost]   MongoDB store vs bearer token:    latency x%.2f (%+.3f ms), CPU x%.2f (%+.0f µs)",
                medianMillis[0] / medianMillis[2], medianMillis[0] - medianMillis[2], cpuMicros[0] / cpuMicros[2], cpuMicros[0] - cpuMicros[2]));
        System.out.println(report);
        assertThat(Arrays.stream(cpuMicros).allMatch(c -> c > 0)).isTrue();
        assertThat(funding.received(PATH)).hasSizeGreaterThanOrEqualTo(3 * rounds);
    }
}
