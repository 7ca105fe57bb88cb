package org.partybuilding.platform.test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Points a {@link PlatformTest} context at the in-process MongoDB server and the test token issuer. */
public class PlatformTestContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY).isPresent(PlatformTest.class)
                ? new PlatformTestContextCustomizer()
                : null;
    }

    static final class PlatformTestContextCustomizer implements ContextCustomizer {

        private static final AtomicInteger DATABASES = new AtomicInteger();
        /** A fresh personal-data key per test JVM: tests never depend on a committed secret. */
        private static final String TEST_PRIVACY_KEY = newKey();

        private static String newKey() {
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            return java.util.Base64.getEncoder().encodeToString(key);
        }

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            TestTokenIssuer issuer = TestTokenIssuer.get();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("platformTest", Map.of(
                    "spring.mongodb.uri", InProcessMongo.uri(),
                    "spring.mongodb.database", "test-" + DATABASES.incrementAndGet(),
                    "platform.security.issuer-uri", issuer.issuer(),
                    "platform.security.jwk-set-uri", issuer.jwkSetUri(),
                    "platform.security.audience", TestTokenIssuer.AUDIENCE,
                    "platform.privacy.key", TEST_PRIVACY_KEY)));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PlatformTestContextCustomizer;
        }

        @Override
        public int hashCode() {
            return PlatformTestContextCustomizer.class.hashCode();
        }
    }
}
