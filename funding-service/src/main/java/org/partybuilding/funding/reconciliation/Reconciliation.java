package org.partybuilding.funding.reconciliation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.partybuilding.funding.allocation.AllocationRun;
import org.partybuilding.funding.context.DatedMembership;
import org.partybuilding.funding.context.DistrictState;
import org.partybuilding.funding.context.PartyOrganizationView;
import org.partybuilding.funding.ledger.EntryKind;
import org.partybuilding.funding.ledger.LedgerEntry;
import org.partybuilding.funding.policy.FundingPolicies;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A fiscal year's grants and working funds recomputed from the facts and set against the ledger
 * ({@link ReconciliationRules}): what the reconciliation report shows and the funding inbox reads.
 */
@Service
public class Reconciliation {

    /** The year's allocation run ({@code null} before it), start-up amount ({@code null} if the year has no policy) and result. */
    public record Computed(ReconciliationRules.Run run, BigDecimal startupYuan, ReconciliationRules.Result result,
            List<PartyOrganizationView> partyOrganizations, List<DatedMembership> memberships) {
    }

    private final DistrictState state;
    private final FundingPolicies policies;
    private final ReactiveMongoTemplate mongo;

    Reconciliation(DistrictState state, FundingPolicies policies, ReactiveMongoTemplate mongo) {
        this.state = state;
        this.policies = policies;
        this.mongo = mongo;
    }

    public Mono<Computed> of(int fiscalYear) {
        Query ofYear = Query.query(Criteria.where("fiscalYear").is(fiscalYear).and("kind").in(
                EntryKind.STARTUP_GRANT, EntryKind.ANNUAL_WORKING_FUNDS, EntryKind.ADJUSTMENT));
        ofYear.fields().exclude("outbox");
        Mono<Optional<BigDecimal>> startup = policies.find(fiscalYear)
                .map(policy -> Optional.of(policy.startupYuan()))
                .onErrorResume(e -> Mono.just(Optional.empty()))
                .defaultIfEmpty(Optional.empty());
        Mono<Optional<ReconciliationRules.Run>> run = mongo.findById(fiscalYear, AllocationRun.class)
                .map(r -> Optional.of(new ReconciliationRules.Run(r.snapshotDate(), r.perMemberYuan())))
                .defaultIfEmpty(Optional.empty());
        Mono<List<LedgerEntry>> entries = mongo.find(ofYear, LedgerEntry.class).collectList();
        return Mono.zip(startup, run, entries, state.partyOrganizations(), state.memberships()).publishOn(Schedulers.parallel()).map(t -> {
            ReconciliationRules.Run allocation = t.getT2().orElse(null);
            BigDecimal startupYuan = t.getT1().orElse(null);
            return new Computed(allocation, startupYuan, ReconciliationRules.reconcile(fiscalYear, t.getT4(), t.getT5(),
                    startupYuan, allocation, t.getT3()), t.getT4(), t.getT5());
        });
    }
}
