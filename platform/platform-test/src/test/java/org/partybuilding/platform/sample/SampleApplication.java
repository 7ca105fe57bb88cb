package org.partybuilding.platform.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.partybuilding.events.EventType;
import org.partybuilding.events.OrganizationSnapshot;
import org.partybuilding.events.Topics;
import org.partybuilding.platform.messaging.EventHandling;
import org.partybuilding.platform.messaging.IncomingEvent;
import org.partybuilding.platform.messaging.VersionedReadModels;
import org.partybuilding.platform.outbox.OutboxEvent;
import org.partybuilding.platform.outbox.OutboxRelay;
import org.partybuilding.platform.problem.DomainRuleViolation;
import org.partybuilding.platform.problem.NotFoundException;
import org.partybuilding.platform.security.ApiAuthorization;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.tracing.TraceParents;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import reactor.core.publisher.Mono;

/** A minimal service built only from platform-starter, to test the starter as services use it. */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }

    @Bean
    ApiAuthorization sampleAuthorization() {
        return exchanges -> exchanges.pathMatchers(HttpMethod.POST, "/api/sample/**")
                .hasAnyRole(Role.DISTRICT_ADMIN.realmRole(), Role.COMMITTEE_ADMIN.realmRole(), Role.STREET_ADMIN.realmRole());
    }

    /** Declared only: platform-starter creates it before the service reports ready. */
    @Bean
    org.partybuilding.platform.outbox.CollectionIndexes widgetIndexes() {
        return org.partybuilding.platform.outbox.CollectionIndexes.on("widgets",
                org.partybuilding.platform.outbox.CollectionIndexes.ascending("street_name", "street", "name"));
    }

    @Document("widgets")
    public record Widget(@Id String id, long version, String name, String street, List<OutboxEvent> outbox) {
    }

    public record NewWidget(@NotBlank String name, @NotBlank String street, @Min(0) int employees) {
    }

    /** A read model fed by events; {@code traceparent}: the trace its consumer's span was in (for the tracing test). */
    public record OrganizationView(String name, String street, String industry, String traceparent) {
    }

    @RestController
    static class WidgetController {

        private final ReactiveMongoTemplate mongo;
        private final OutboxRelay relay;

        WidgetController(ReactiveMongoTemplate mongo, OutboxRelay relay) {
            this.mongo = mongo;
            this.relay = relay;
        }

        @PostMapping("/api/sample/widgets")
        @ResponseStatus(HttpStatus.CREATED)
        Mono<Widget> create(@Valid @RequestBody NewWidget body, DataScope scope) {
            scope.requireWrite(body.street());
            String id = UUID.randomUUID().toString();
            var snapshot = new OrganizationSnapshot(id, 1, body.name(), "51440104MA0000015M", "SOCIAL_GROUP", "DISTRICT",
                    LocalDate.now(), null, null, body.street(), null, null, body.employees(), 0, "NORMAL", "ACTIVE", null, null);
            var outbox = new ArrayList<OutboxEvent>();
            outbox.add(OutboxEvent.of(EventType.ORGANIZATION_REGISTERED, snapshot));
            return mongo.insert(new Widget(id, 1, body.name(), body.street(), outbox)).doOnSuccess(w -> relay.wakeUp());
        }

        @GetMapping("/api/sample/widgets/{id}")
        Mono<Widget> read(@PathVariable String id) {
            return mongo.findById(id, Widget.class).switchIfEmpty(Mono.error(() -> new NotFoundException("Widget", id)));
        }

        @GetMapping("/api/sample/widgets")
        Mono<java.util.List<Widget>> list(@org.springframework.web.bind.annotation.RequestParam(required = false) String street) {
            var query = new org.springframework.data.mongodb.core.query.Query();
            if (street != null) {
                query.addCriteria(org.springframework.data.mongodb.core.query.Criteria.where("street").is(street));
            }
            return mongo.find(query, Widget.class).collectList();
        }

        @GetMapping("/api/sample/scope")
        DataScope scope(DataScope scope) {
            return scope;
        }

        @PostMapping("/api/sample/rule")
        Mono<Void> rule() {
            return Mono.error(new DomainRuleViolation("RULE_1_SINGLE_NEEDS_THREE_FORMAL_MEMBERS",
                    "A single party organization needs 3 formal members; the organization has 2",
                    java.util.Map.of("formalMembers", 2, "required", 3)));
        }

        /** The service's database did not answer in time (the driver's timeout, as Spring reports it). */
        @GetMapping("/api/sample/database-timeout")
        Mono<Void> databaseTimeout() {
            return Mono.error(new org.springframework.dao.DataAccessResourceFailureException("Timed out while waiting for a server",
                    new java.io.IOException("MongoTimeoutException (simulated)")));
        }

        /** The client hung up while the answer was being written. */
        @GetMapping("/api/sample/hang-up")
        Mono<Void> hangUp() {
            return Mono.error(new java.io.IOException("Connection reset by peer"));
        }

        @GetMapping("/api/sample/boom")
        Mono<Void> boom() {
            return Mono.error(new IllegalStateException("secret internal detail"));
        }
    }

    @org.springframework.stereotype.Component
    static class OrganizationProjection {

        private final VersionedReadModels readModels;

        OrganizationProjection(VersionedReadModels readModels) {
            this.readModels = readModels;
        }

        @KafkaListener(topics = Topics.REGISTRY_ORGANIZATIONS, groupId = "sample-projection",
                autoStartup = "${sample.listener.auto-startup:true}")
        void on(ConsumerRecord<String, byte[]> record) {
            IncomingEvent event = IncomingEvent.from(record);
            OrganizationSnapshot organization = event.data(OrganizationSnapshot.class);
            EventHandling.await(readModels.upsertIfNewer("organization_views", organization.id(), organization.version(),
                    new OrganizationView(organization.name(), organization.street(), organization.industry(), TraceParents.current())));
        }
    }

    /**
     * What the dead-letter tests switch: a member whose handling fails transiently a number of times (the database
     * away), a "poison" member refused as not an event of the contract until its cause is fixed, and what another
     * consumer group of the same topic saw (a replay is for the group that failed on it only).
     */
    @org.springframework.stereotype.Component
    public static class Faults {

        final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> transientFailures = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> seenByAudit = new java.util.concurrent.ConcurrentHashMap<>();
        volatile boolean poisonFixed;

        public void failTransiently(String memberId, int times) {
            transientFailures.put(memberId, new java.util.concurrent.atomic.AtomicInteger(times));
        }

        public void fixPoison() {
            poisonFixed = true;
        }

        public int seenByAudit(String key) {
            var seen = seenByAudit.get(key);
            return seen == null ? 0 : seen.get();
        }

        void check(org.partybuilding.events.MemberSnapshot member) {
            var remaining = transientFailures.get(member.id());
            if (remaining != null && remaining.getAndDecrement() > 0) {
                throw new org.springframework.dao.DataAccessResourceFailureException("database unavailable (simulated)");
            }
            if (member.name().startsWith("poison") && !poisonFixed) {
                throw new org.partybuilding.events.EventFormatException("MemberSnapshot name '" + member.name()
                        + "' is not known to this consumer yet (simulated)");
            }
        }
    }

    /** Members into {@code member_views}; fails as {@link Faults} says. Every event of the topic is decoded (and checked). */
    @org.springframework.stereotype.Component
    static class MemberProjection {

        private final VersionedReadModels readModels;
        private final Faults faults;

        MemberProjection(VersionedReadModels readModels, Faults faults) {
            this.readModels = readModels;
            this.faults = faults;
        }

        @KafkaListener(topics = Topics.MEMBER_MEMBERS, groupId = "sample-members")
        void on(ConsumerRecord<String, byte[]> record) {
            IncomingEvent event = IncomingEvent.from(record);
            EventType type = event.type().orElseThrow(() -> new org.partybuilding.events.EventFormatException("unknown type"));
            Object data = event.data(type.dataType());
            if (data instanceof org.partybuilding.events.MemberSnapshot member) {
                faults.check(member);
                EventHandling.await(readModels.upsertIfNewer("member_views", member.id(), member.version(),
                        new OrganizationView(member.name(), member.street(), null, null)));
            }
        }
    }

    /** Another consumer group of the member topic: counts what it saw per key. */
    @org.springframework.stereotype.Component
    static class MemberAudit {

        private final Faults faults;

        MemberAudit(Faults faults) {
            this.faults = faults;
        }

        @KafkaListener(topics = Topics.MEMBER_MEMBERS, groupId = "sample-members-audit")
        void on(ConsumerRecord<String, byte[]> record) {
            faults.seenByAudit.computeIfAbsent(record.key(), k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        }
    }

    /** Decodes every event of the other topics as its type's data: the contract is checked in one place for all. */
    @org.springframework.stereotype.Component
    static class ContractProbe {

        @KafkaListener(topics = {Topics.BRANCH_PARTY_ORGANIZATIONS, Topics.TRAINING_RECORDS, Topics.FUNDING_LEDGER},
                groupId = "sample-contract")
        void on(ConsumerRecord<String, byte[]> record) {
            IncomingEvent event = IncomingEvent.from(record);
            event.data(event.type().orElseThrow(() -> new org.partybuilding.events.EventFormatException("unknown type")).dataType());
        }
    }
}
