package org.partybuilding.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every service promises as a running process (issue 2): it starts against MongoDB and
 * Kafka, serves its OpenAPI document, refuses requests without a token as problem+json, and
 * exposes readiness (its MongoDB, never Kafka: the outbox covers Kafka), Kafka as a health detail, and Prometheus metrics tagged with its
 * application name on the management port. A service's test extends this and is a
 * {@link PlatformTest}.
 */
public abstract class ServiceContractTests {

    @Autowired
    protected WebTestClient web;

    @LocalManagementPort
    protected int managementPort;

    @Value("${spring.application.name}")
    protected String application;

    /** A path of the service's API that needs a token. */
    protected abstract String protectedPath();

    private WebTestClient management() {
        // The scrape grows with every endpoint the shared test context has served (histogram buckets per uri and status) and with
        // every Kafka listener; the default 256 KB buffer is too small.
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
    }

    @Test
    void servesItsOpenApiDocumentWithoutAToken() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").exists();
    }

    @Test
    void refusesTheApiWithoutATokenAsProblemJson() {
        web.get().uri(protectedPath()).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void isReadyWithItsDatabaseAndShowsKafkaAsAHealthDetailOnTheManagementPort() {
        var readiness = management().get().uri("/actuator/health/readiness").exchange().returnResult(String.class);
        String body = readiness.getResponseBody().blockFirst();
        assertThat(readiness.getStatus().value()).as(body).isEqualTo(200);
        assertThat(JsonPath.<String>read(body, "$.components.mongo.status")).as(body).isEqualTo("UP");
        assertThat(JsonPath.<java.util.Map<String, Object>>read(body, "$.components")).as(body).doesNotContainKey("kafka");
        var health = management().get().uri("/actuator/health").exchange().returnResult(String.class);
        String all = health.getResponseBody().blockFirst();
        assertThat(JsonPath.<String>read(all, "$.components.kafka.status")).as(all).isEqualTo("UP");
        management().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void exportsPrometheusMetricsTaggedWithTheApplication() {
        String metrics = management().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("application=\"" + application + "\"");
    }

    @Test
    void keepsActuatorOffTheApiPort() {
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
    }
}
