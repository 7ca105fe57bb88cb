package org.partybuilding.gateway;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.partybuilding.platform.test.InProcessMongo;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Every gateway test context gets its own database on platform-test's in-process MongoDB-protocol server and a
 * session key made for this JVM (tests never depend on a committed secret). These win over every other property source.
 */
public class GatewayTestDatabase implements ContextCustomizerFactory {

    static final String SESSION_KEY = newKey();
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("gatewayTestDatabase", Map.of(
                    "spring.mongodb.uri", InProcessMongo.uri(),
                    "spring.mongodb.database", "gateway-test-" + DATABASES.incrementAndGet(),
                    "platform.gateway.session.key", SESSION_KEY)));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
