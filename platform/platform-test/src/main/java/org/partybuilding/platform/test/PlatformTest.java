package org.partybuilding.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * A service integration test against real parts: the service on a random port, an in-process
 * MongoDB-protocol server (a fresh database per test context), an embedded KRaft Kafka broker, and
 * the {@link TestTokenIssuer} as the token issuer. Mint tokens with {@link TestTokens}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "management.server.port=0",
        "platform.kafka.partitions=1",
        "platform.kafka.retry-interval=100ms",
        "platform.kafka.retries=3",
        "platform.outbox.poll-interval=100ms",
        // The first request of a context fetches the JWKS and opens the MongoDB connection; on a loaded machine that takes seconds.
        "spring.test.webtestclient.timeout=30s"})
@EmbeddedKafka(partitions = 1)
@AutoConfigureWebTestClient
public @interface PlatformTest {
}
