package org.partybuilding.gateway.session;

import java.time.Clock;
import java.time.Duration;

import org.partybuilding.platform.outbox.CollectionIndexes;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.springframework.web.server.session.WebSessionManager;

/** The portal's sessions in MongoDB ({@link MongoWebSessionStore}) instead of WebFlux's per-instance memory. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalSessionSettings.class)
public class PortalSessionConfiguration {

    @Bean
    MongoWebSessionStore portalSessionStore(ReactiveMongoTemplate mongo, PortalSessionSettings settings, Clock clock) {
        return new MongoWebSessionStore(mongo, settings, clock);
    }

    /** Replaces Boot's in-memory session manager (same bean name); same cookie resolver as before. */
    @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
    WebSessionManager webSessionManager(MongoWebSessionStore store, WebSessionIdResolver resolver) {
        DefaultWebSessionManager manager = new DefaultWebSessionManager();
        manager.setSessionStore(store);
        manager.setSessionIdResolver(resolver);
        return manager;
    }

    /** MongoDB removes sessions past their idle time (a TTL index; a read checks the time as well). */
    @Bean
    CollectionIndexes portalSessionIndexes() {
        return CollectionIndexes.on(MongoWebSessionStore.COLLECTION,
                new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO).named("expiresAt_ttl"));
    }
}
