package org.partybuilding.gateway.limit;

import java.time.Duration;

import org.partybuilding.platform.outbox.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;

/** Past rate-limit windows leave MongoDB on their own (a TTL index on {@code expiresAt}, one window after their end). */
@Configuration(proxyBeanMethods = false)
class RateLimitIndexes {

    @Bean
    CollectionIndexes clientRateWindowIndexes() {
        return CollectionIndexes.on(ClientRateLimit.COLLECTION,
                new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO).named("expiresAt_ttl"));
    }
}
