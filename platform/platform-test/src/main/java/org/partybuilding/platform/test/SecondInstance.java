package org.partybuilding.platform.test;

import java.time.Duration;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Another instance of the service under test, as a second replica runs: the same application on its own ports, on the
 * {@link PlatformTest} context's database, broker (same consumer groups) and token issuer. For tests that show an
 * answer does not depend on which instance consumed an event or took a write. Close it when done.
 */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final WebTestClient web;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** Starts {@code application} with the settings of the running test context {@code first} (command-line precedence). */
    public static SecondInstance of(Class<?> application, Environment first) {
        String[] shared = {"spring.mongodb.uri", "spring.mongodb.database", "spring.kafka.bootstrap-servers",
            "platform.security.issuer-uri", "platform.security.jwk-set-uri", "platform.security.audience", "platform.privacy.key",
            "platform.kafka.partitions", "platform.kafka.retry-interval", "platform.kafka.retries", "platform.outbox.poll-interval"};
        String[] args = new String[shared.length + 2];
        for (int i = 0; i < shared.length; i++) {
            args[i] = "--" + shared[i] + "=" + first.getRequiredProperty(shared[i]);
        }
        args[shared.length] = "--server.port=0";
        args[shared.length + 1] = "--management.server.port=0";
        return new SecondInstance(new SpringApplicationBuilder(application, OwnNettyResources.class).run(args));
    }

    /**
     * Its own Netty event loops and connection pools: by default each context uses Reactor Netty's global ones and
     * disposes of them when it closes, which would stop the test context's server and clients too.
     */
    @Configuration(proxyBeanMethods = false)
    static class OwnNettyResources {

        @Bean
        ReactorResourceFactory secondInstanceNettyResources() {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        }
    }

    /**
     * A second instance for a test class, as a JUnit extension ({@code @RegisterExtension static final}): started before
     * the class's first test with the settings of its Spring test context, closed after its last.
     */
    public static PerClass perClass(Class<?> application) {
        return new PerClass(application);
    }

    /** See {@link #perClass}. */
    public static final class PerClass implements BeforeEachCallback, AfterAllCallback {

        private final Class<?> application;
        private SecondInstance instance;

        private PerClass(Class<?> application) {
            this.application = application;
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            if (instance == null) {
                instance = SecondInstance.of(application, SpringExtension.getApplicationContext(context).getEnvironment());
            }
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (instance != null) {
                instance.close();
                instance = null;
            }
        }

        public WebTestClient web() {
            return instance.web();
        }

        public <T> T bean(Class<T> type) {
            return instance.bean(type);
        }
    }

    /** A client of this instance's API. */
    public WebTestClient web() {
        return web;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
