package org.partybuilding.branch.coverage;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.partybuilding.events.EventType;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.outbox.OutboxRelay;
import org.partybuilding.platform.outbox.VersionedWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Announces per street what coverage still needs ({@code CoverageOutlookChanged}): the {@code SHOULD_FORM_SINGLE}
 * gaps {@link CoverageRules} finds and the joint party organizations {@link JointPlans} proposes — the figures rule
 * 18's forecast (funding-service) expects new party organizations from, so rules 1 and 2 are counted here only.
 *
 * <p>Every {@code branch.coverage.outlook-interval} it looks at {@link CoverageChanges}' counter; once it moved, the
 * streets' figures are derived from {@link DistrictFacts} and each street whose figures changed is written with its
 * event (version-guarded: of two replicas one writes, the other's conflict is dropped and it looks again next time).
 * The first look after a start announces whatever changed while no instance was looking.
 */
@Component
class CoverageOutlooks {

    private static final Logger LOG = LoggerFactory.getLogger(CoverageOutlooks.class);

    private final CoverageChanges changes;
    private final DistrictFacts facts;
    private final CoverageRules rules;
    private final JointPlans plans;
    private final District district;
    private final ReactiveMongoTemplate mongo;
    private final VersionedWrites writes;
    private final OutboxRelay relay;
    private final Duration interval;

    private volatile long announced = -1;
    private volatile Disposable ticking;

    CoverageOutlooks(CoverageChanges changes, DistrictFacts facts, CoverageRules rules, JointPlans plans, District district,
            ReactiveMongoTemplate mongo, VersionedWrites writes, OutboxRelay relay,
            @Value("${branch.coverage.outlook-interval:PT1S}") Duration interval) {
        this.changes = changes;
        this.facts = facts;
        this.rules = rules;
        this.plans = plans;
        this.district = district;
        this.mongo = mongo;
        this.writes = writes;
        this.relay = relay;
        this.interval = interval;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        ticking = Flux.interval(Duration.ZERO, interval)
                .onBackpressureDrop()
                .concatMap(tick -> announce().onErrorResume(failed -> {
                    LOG.warn("Coverage outlook not announced, trying again: {}", failed.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @PreDestroy
    void stop() {
        Disposable running = ticking;
        if (running != null) {
            running.dispose();
        }
    }

    /** Announces the streets whose figures changed since the counter was last seen. */
    Mono<Void> announce() {
        return changes.generation()
                .filter(generation -> generation != announced)
                .flatMap(generation -> facts.current())
                .flatMap(snapshot -> Flux.fromIterable(figures(snapshot).entrySet())
                        .concatMap(street -> write(street.getKey(), street.getValue()[0], street.getValue()[1]))
                        .then(Mono.fromRunnable(() -> announced = snapshot.generation())));
    }

    /** Street → {SHOULD_FORM_SINGLE gaps, proposed joint party organizations}; every street of the district. */
    Map<String, int[]> figures(DistrictFacts.Snapshot snapshot) {
        Map<String, int[]> figures = new LinkedHashMap<>();
        district.streets().keySet().forEach(street -> figures.put(street, new int[2]));
        for (DistrictFacts.OrganizationLine line : snapshot.organizations()) {
            if (rules.gap(line.facts()).filter(GapReason.SHOULD_FORM_SINGLE::equals).isPresent()) {
                figures.computeIfAbsent(line.organization().street(), s -> new int[2])[0]++;
            }
        }
        for (JointPlan.Proposal proposal : plans.plan(snapshot, null).proposals()) {
            figures.computeIfAbsent(proposal.street(), s -> new int[2])[1]++;
        }
        figures.remove(null);
        return figures;
    }

    private Mono<Void> write(String street, int single, int joint) {
        return mongo.findById(street, CoverageOutlook.class)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    if (found.isEmpty()) {
                        return mongo.insert(CoverageOutlook.first(street, single, joint)).doOnSuccess(saved -> relay.wakeUp()).then();
                    }
                    CoverageOutlook held = found.get();
                    if (held.sameFigures(single, joint)) {
                        return Mono.empty();
                    }
                    CoverageOutlook next = new CoverageOutlook(street, held.version() + 1, single, joint, held.outbox());
                    return writes.update(street, held.version(), next, EventType.COVERAGE_OUTLOOK_CHANGED, next.snapshot()).then();
                });
    }
}
