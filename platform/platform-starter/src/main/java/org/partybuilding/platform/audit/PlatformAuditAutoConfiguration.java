package org.partybuilding.platform.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * The audit trail for services with MongoDB: {@link AuditTrail} over the collections named in
 * {@code platform.audit.collections}, and the district-wide trail's endpoint at {@code platform.audit.path}
 * (e.g. {@code /api/registry/audit}) where a service sets one.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
        "org.partybuilding.platform.config.PlatformWebAutoConfiguration"})
@ConditionalOnClass(ReactiveMongoTemplate.class)
public class PlatformAuditAutoConfiguration {

    @Bean
    @ConditionalOnBean(ReactiveMongoTemplate.class)
    @ConditionalOnMissingBean
    AuditTrail auditTrail(ReactiveMongoTemplate mongo, Clock clock, Environment environment) {
        // a YAML list: bound as a list (a @Value placeholder would see no property of that name)
        List<String> collections = Binder.get(environment).bind("platform.audit.collections", Bindable.listOf(String.class))
                .orElse(List.of());
        return new AuditTrail(mongo, clock, collections);
    }

    @Bean
    @ConditionalOnBean(AuditTrail.class)
    @ConditionalOnProperty("platform.audit.path")
    AuditTrailController auditTrailController(AuditTrail trail, Clock clock) {
        return new AuditTrailController(trail, clock);
    }
}
