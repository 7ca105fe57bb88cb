package org.partybuilding.registry.organization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.partybuilding.platform.metrics.ReadModelGauge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import io.micrometer.core.instrument.Tags;

/** The dashboards' figure of this service: organizations by registration status, counted by the database (one group-by per refresh). */
@Configuration(proxyBeanMethods = false)
class OrganizationGauges {

    static final String ORGANIZATIONS = "platform.registry.organizations";

    @Bean
    ReadModelGauge organizationsByStatus(ReactiveMongoTemplate mongo) {
        List<Document> byStatus = List.of(new Document("$group", new Document("_id", "$status").append("n", new Document("$sum", 1))));
        return ReadModelGauge.of(ORGANIZATIONS, "Registered organizations by status (ACTIVE, DEREGISTERED)",
                () -> mongo.getCollection(Organization.COLLECTION)
                        .flatMapMany(collection -> collection.aggregate(byStatus))
                        .collectMap(row -> String.valueOf(row.get("_id")), row -> ((Number) row.get("n")).longValue())
                        .map(counts -> {
                            Map<Tags, Number> rows = new LinkedHashMap<>();
                            for (OrganizationStatus status : OrganizationStatus.values()) {
                                rows.put(Tags.of("status", status.name()), counts.getOrDefault(status.name(), 0L));
                            }
                            return rows;
                        }));
    }
}
