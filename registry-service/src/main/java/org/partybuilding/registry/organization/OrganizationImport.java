package org.partybuilding.registry.organization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.partybuilding.platform.audit.Actor;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.outbox.BulkInserts;
import org.partybuilding.platform.outbox.BulkLookups;
import org.partybuilding.platform.outbox.OutboxRelay;
import org.partybuilding.platform.problem.ConflictException;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.spreadsheet.ImportReport;
import org.partybuilding.platform.spreadsheet.ImportReport.RejectedRow;
import org.partybuilding.platform.spreadsheet.SheetRows;
import org.partybuilding.platform.timing.Phases;
import org.partybuilding.registry.organization.OrganizationRows.ImportRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bulk import of a register (批量导入): each row is checked alone like a registration; a row whose
 * credit code belongs to an active organization updates it (version-guarded, like a PUT), any other
 * creates one. A rejected row writes nothing; the file as a whole is refused before anything is
 * written when it cannot be read. New organizations are inserted in unordered batches, each with
 * its {@code OrganizationRegistered} event in its outbox.
 */
@Service
public class OrganizationImport {

    private static final Logger log = LoggerFactory.getLogger(OrganizationImport.class);

    private final OrganizationRegistry registry;
    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final BulkInserts inserts;
    private final OrganizationRows reader;
    private final int updateConcurrency;

    public OrganizationImport(OrganizationRegistry registry, ReactiveMongoTemplate mongo, OutboxRelay relay, BulkInserts inserts,
            District district, @Value("${registry.import.update-concurrency:8}") int updateConcurrency) {
        this.registry = registry;
        this.mongo = mongo;
        this.relay = relay;
        this.inserts = inserts;
        this.reader = new OrganizationRows(district);
        this.updateConcurrency = updateConcurrency;
    }

    /** Imports the rows with the outbox relay held back meanwhile: the events leave right after (see {@link OutboxRelay}). */
    public Mono<ImportReport> importRows(SheetRows sheet, DataScope scope) {
        return relay.holdingBackDuring(Mono.defer(() -> importNow(sheet, scope)));
    }

    private Mono<ImportReport> importNow(SheetRows sheet, DataScope scope) {
        scope.requireAny(Role.DISTRICT_ADMIN, Role.COMMITTEE_ADMIN, Role.STREET_ADMIN);
        Phases phases = Phases.start();
        List<ImportRow> rows = reader.read(sheet);
        phases.end("read");
        Map<Integer, RejectedRow> rejected = new ConcurrentHashMap<>();
        // The rules of each row alone on every core; then, in file order, a credit code met before rejects the row.
        List<List<FieldError>> problems = rows.parallelStream().map(row -> check(row, scope)).toList();
        Map<String, ImportRow> valid = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            List<FieldError> errors = problems.get(i);
            ImportRow twin = errors.isEmpty() ? valid.get(row.registration().creditCode()) : null;
            if (twin != null) {
                errors = List.of(new FieldError("creditCode", "appears already in row " + twin.number()));
            }
            if (errors.isEmpty()) {
                valid.put(row.registration().creditCode(), row);
            } else {
                rejected.put(row.number(), rejection(row, errors));
            }
        }
        phases.end("checked");
        return existing(valid.keySet()).flatMap(existing -> {
            phases.end("looked up");
            List<ImportRow> creates = new ArrayList<>();
            List<Mono<Outcome>> updates = new ArrayList<>();
            for (ImportRow row : valid.values()) {
                Organization current = existing.get(row.registration().creditCode());
                if (current == null) {
                    creates.add(row);
                } else if (!scope.mayWrite(current.street())) {
                    rejected.put(row.number(), rejection(row, List.of(new FieldError("creditCode",
                            "belongs to an organization outside your data scope"))));
                } else {
                    updates.add(update(row, current, scope));
                }
            }
            AtomicInteger updated = new AtomicInteger();
            AtomicInteger unchanged = new AtomicInteger();
            Mono<Void> applyUpdates = Flux.fromIterable(updates).flatMap(m -> m, updateConcurrency)
                    .doOnNext(outcome -> {
                        switch (outcome.kind) {
                            case UPDATED -> updated.incrementAndGet();
                            case UNCHANGED -> unchanged.incrementAndGet();
                            case REJECTED -> rejected.put(outcome.rejection.row(), outcome.rejection);
                        }
                    }).then();
            return applyUpdates.doOnSuccess(done -> phases.end("updated"))
                    .then(Mono.defer(() -> insert(creates, rejected, Actor.of(scope))))
                    .map(created -> {
                        phases.end("stored");
                        // where an import's time goes, in the log: the benchmark's figure is only the sum
                        log.info("Import of {} rows: read in {} ms, checked in {} ms, {} known looked up in {} ms, {} updated and {} "
                                + "unchanged in {} ms, {} new stored in {} ms", rows.size(), phases.millis("read"),
                                phases.millis("checked"), existing.size(), phases.millis("looked up"), updated.get(), unchanged.get(),
                                phases.millis("updated"), created, phases.millis("stored"));
                        return new ImportReport(rows.size(), created, updated.get(), unchanged.get(), rejected.values().stream()
                                .sorted(java.util.Comparator.comparingInt(RejectedRow::row)).toList());
                    });
        });
    }

    private List<FieldError> check(ImportRow row, DataScope scope) {
        List<FieldError> errors = new ArrayList<>(row.errors());
        if (!errors.isEmpty()) {
            return errors;
        }
        errors.addAll(registry.problems(row.registration()));
        if (!errors.isEmpty()) {
            return errors;
        }
        if (!scope.mayWrite(row.registration().street())) {
            errors.add(new FieldError("street", "is outside your data scope"));
        }
        return errors;
    }

    /** The active organizations holding these credit codes, by code. */
    private Mono<Map<String, Organization>> existing(java.util.Collection<String> creditCodes) {
        return BulkLookups.inBatches(creditCodes,
                        codes -> mongo.find(Query.query(Criteria.where("activeCreditCode").in(codes)), Organization.class))
                .collectMap(Organization::activeCreditCode);
    }

    private Mono<Outcome> update(ImportRow row, Organization current, DataScope scope) {
        if (registry.sameRegistration(current, row.registration())) {
            return Mono.just(new Outcome(Kind.UNCHANGED, null));
        }
        return registry.update(current.id(), row.registration(), current.version(), scope)
                .map(saved -> new Outcome(Kind.UPDATED, null))
                .onErrorResume(ConflictException.class, e -> Mono.just(new Outcome(Kind.REJECTED,
                        rejection(row, List.of(new FieldError("creditCode", e.getMessage()))))));
    }

    /** Inserts new organizations in unordered batches; a row the unique index refuses (a concurrent twin) is rejected. */
    private Mono<Integer> insert(List<ImportRow> creates, Map<Integer, RejectedRow> rejected, Actor actor) {
        Phases phases = Phases.start();
        List<Organization> organizations = creates.parallelStream().map(row -> registry.newOrganization(row.registration())).toList();
        phases.end("made");
        // Each stored batch enters the directory while the next one is being stored.
        return inserts.insert(organizations, Organization.class, Organization::id, batch -> batch.forEach(registry::inserted),
                o -> registry.created(o, actor, OrganizationAction.IMPORTED)).map(stored -> {
            phases.end("stored");
            int created = 0;
            for (int i = 0; i < stored.size(); i++) {
                if (stored.get(i)) {
                    created++;
                } else {
                    rejected.put(creates.get(i).number(), rejection(creates.get(i), List.of(new FieldError("creditCode",
                            "an active organization with this credit code is already registered"))));
                }
            }
            log.info("Import: {} organizations made in {} ms, stored and in the directory in {} ms", organizations.size(),
                    phases.millis("made"), phases.millis("stored"));
            return created;
        });
    }

    private static RejectedRow rejection(ImportRow row, List<FieldError> errors) {
        return new RejectedRow(row.number(), errors);
    }

    private enum Kind { UPDATED, UNCHANGED, REJECTED }

    private record Outcome(Kind kind, RejectedRow rejection) {
    }
}
