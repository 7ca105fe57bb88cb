package org.partybuilding.funding.reconciliation;

import java.util.List;

import org.partybuilding.funding.allocation.AllocationRun;
import org.partybuilding.funding.context.DistrictState;
import org.partybuilding.funding.ledger.EntryKind;
import org.partybuilding.funding.ledger.LedgerEntry;
import org.partybuilding.funding.policy.FundingPolicies;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/funding/reconciliation?fiscalYear=} (district-admin, auditor): the year's start-up grants and
 * working funds recomputed from the member and party-organization facts funding holds, and every difference from the
 * ledger, to the fen ({@link ReconciliationRules}).
 */
@RestController
class ReconciliationController {

    private final DistrictState state;
    private final FundingPolicies policies;
    private final ReactiveMongoTemplate mongo;

    ReconciliationController(DistrictState state, FundingPolicies policies, ReactiveMongoTemplate mongo) {
        this.state = state;
        this.policies = policies;
        this.mongo = mongo;
    }

    @GetMapping(path = "/api/funding/reconciliation", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ReconciliationResponse> reconcile(@RequestParam(required = false) Integer fiscalYear, DataScope scope) {
        return Mono.defer(() -> {
            scope.requireAny(Role.DISTRICT_ADMIN, Role.AUDITOR);
            if (fiscalYear == null || fiscalYear < 1900 || fiscalYear > 9999) {
                throw new InvalidInputException("fiscalYear", "is required, a year such as 2026");
            }
            Query ofYear = Query.query(Criteria.where("fiscalYear").is(fiscalYear).and("kind").in(
                    EntryKind.STARTUP_GRANT, EntryKind.ANNUAL_WORKING_FUNDS, EntryKind.ADJUSTMENT));
            ofYear.fields().exclude("outbox");
            Mono<java.util.Optional<java.math.BigDecimal>> startup = policies.find(fiscalYear)
                    .map(policy -> java.util.Optional.of(policy.startupYuan()))
                    .onErrorResume(e -> Mono.just(java.util.Optional.empty()))
                    .defaultIfEmpty(java.util.Optional.empty());
            Mono<java.util.Optional<ReconciliationRules.Run>> run = mongo.findById(fiscalYear, AllocationRun.class)
                    .map(r -> java.util.Optional.of(new ReconciliationRules.Run(r.snapshotDate(), r.perMemberYuan())))
                    .defaultIfEmpty(java.util.Optional.empty());
            Mono<List<LedgerEntry>> entries = mongo.find(ofYear, LedgerEntry.class).collectList();
            return Mono.zip(startup, run, entries).publishOn(Schedulers.parallel()).map(t -> {
                ReconciliationRules.Run allocation = t.getT2().orElse(null);
                java.math.BigDecimal startupYuan = t.getT1().orElse(null);
                return ReconciliationResponse.of(fiscalYear, allocation, startupYuan, ReconciliationRules.reconcile(fiscalYear,
                        state.partyOrganizations(), state.memberships(), startupYuan, allocation, t.getT3()));
            });
        });
    }
}
