package org.partybuilding.funding.allocation;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.partybuilding.funding.context.DistrictState;
import org.partybuilding.funding.ledger.EntryKind;
import org.partybuilding.funding.ledger.Ledger;
import org.partybuilding.funding.ledger.LedgerEntry;
import org.partybuilding.funding.ledger.LedgerTotals;
import org.partybuilding.funding.ledger.UnfinishedBookings;
import org.partybuilding.funding.money.Money;
import org.partybuilding.funding.policy.FundingPolicies;
import org.partybuilding.funding.policy.FundingPolicy;
import org.partybuilding.platform.audit.Actor;
import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.audit.AuditTrail;
import org.partybuilding.platform.outbox.OutboxRelay;
import org.partybuilding.platform.problem.ConflictException;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.timing.Phases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The annual allocation run (rule 15), idempotent per fiscal year: the run document is inserted first (unique
 * {@code _id} = year), then the entries ({@code ANNUAL:<year>:<party organization>}) in bulk, then the run is
 * marked complete. Asking again answers the first run's figures and books nothing; asking with another snapshot
 * date is a 409 (the year was allocated on a date already). Members are counted as they stood on the snapshot date,
 * from their dated history as stored ({@code DatedMembership}, read per run); a snapshot date in the future or outside the year is a 400.
 */
@Service
public class Allocations implements UnfinishedBookings {

    private static final Logger log = LoggerFactory.getLogger(Allocations.class);

    static final Duration STALE_AFTER = Duration.ofMinutes(2);
    private static final int ENTRIES_PER_SLICE = 1000;

    private final ReactiveMongoTemplate mongo;
    private final DistrictState state;
    private final FundingPolicies policies;
    private final Ledger ledger;
    private final LedgerTotals totals;
    private final Clock clock;
    private final OutboxRelay relay;
    private final AuditTrail audit;

    public Allocations(ReactiveMongoTemplate mongo, DistrictState state, FundingPolicies policies, Ledger ledger,
            LedgerTotals totals, Clock clock, OutboxRelay relay, AuditTrail audit) {
        this.audit = audit;
        this.mongo = mongo;
        this.state = state;
        this.policies = policies;
        this.ledger = ledger;
        this.totals = totals;
        this.clock = clock;
        this.relay = relay;
    }

    /** Emits the run and whether this call started it ({@code true}: 201) or found it ({@code false}: 200). */
    public Mono<Result> run(AllocationRequest request, DataScope scope) {
        return Mono.defer(() -> {
            scope.requireAny(Role.DISTRICT_ADMIN, Role.COMMITTEE_ADMIN);
            List<FieldError> errors = AllocationRules.check(request.fiscalYear(), request.snapshotDate(), LocalDate.now(clock));
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            int year = request.fiscalYear();
            LocalDate snapshotDate = request.snapshotDate();
            Phases sinceArrival = Phases.start();
            return policies.find(year).flatMap(policy -> mongo.findById(year, AllocationRun.class)
                    .flatMap(existing -> existing(existing, snapshotDate, policy, Actor.of(scope)))
                    .switchIfEmpty(Mono.defer(() -> start(year, snapshotDate, policy, scope)
                            .doOnNext(started -> log.info("Allocation {}: answered {} ms after the request reached the service",
                                    year, sinceArrival.sinceStart())))));
        });
    }

    public record Result(AllocationResponse run, boolean started) {
    }

    private Mono<Result> existing(AllocationRun run, LocalDate snapshotDate, FundingPolicy policy, Actor actor) {
        if (!run.snapshotDate().equals(snapshotDate)) {
            return Mono.error(new ConflictException("The fiscal year " + run.fiscalYear() + " was allocated on the snapshot date "
                    + run.snapshotDate() + "; a year is allocated once (correct with adjustments)"));
        }
        if (run.status() == AllocationRun.Status.BOOKING) {
            if (run.startedAt().plus(STALE_AFTER).isAfter(clock.instant())) {
                return Mono.error(new ConflictException("The " + run.fiscalYear() + " allocation run is being booked; ask again shortly"));
            }
            return book(run, true, actor).map(done -> new Result(done, false));
        }
        return response(run).map(answer -> new Result(answer, false));
    }

    private Mono<Result> start(int year, LocalDate snapshotDate, FundingPolicy policy, DataScope scope) {
        AllocationRun run = new AllocationRun(year, snapshotDate, policy.perMemberYuan(), AllocationRun.Status.BOOKING,
                clock.instant(), scope.username(), null);
        Actor actor = Actor.of(scope);
        AuditRecord record = audit.created(actor, "ALLOCATION_STARTED", "AllocationRun", String.valueOf(year), run,
                Set.of("status", "startedAt", "startedBy", "completedAt"));
        return audit.insert(run, record)
                .flatMap(started -> book(started, false, actor).map(done -> new Result(done, true)))
                // Another run of the year won the insert: answer as a repeat.
                .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(year, AllocationRun.class)
                        .flatMap(other -> existing(other, snapshotDate, policy, actor)));
    }

    /**
     * Books the run's entries with the outbox relay held back, as the imports do: publishing the first entries'
     * events (and the ledger's updates that mark them sent) while the rest are stored would share the two cores
     * with the run. The 10,000 {@code FundingEntryBooked} events leave right after the run.
     */
    private Mono<AllocationResponse> book(AllocationRun run, boolean resuming, Actor actor) {
        return relay.holdingBackDuring(booking(run, resuming, actor));
    }

    private Mono<AllocationResponse> booking(AllocationRun run, boolean resuming, Actor actor) {
        Phases phases = Phases.start();
        // Read from MongoDB (what every instance wrote); counting 100,000 members is CPU work: not on the event loop.
        return Mono.zip(state.memberships(), state.partyOrganizationsToCount())
                .doOnNext(read -> phases.end("read"))
                .publishOn(Schedulers.parallel())
                .map(read -> {
                    List<AllocationRules.Share> shares = AllocationRules.shares(read.getT1(), read.getT2(),
                            run.snapshotDate(), run.perMemberYuan());
                    phases.end("counted");
                    return shares;
                })
                // The entries (each with its event's JSON) in slices on every core; each slice's task carries the
                // request's trace context, so every event still records the run's traceparent.
                .flatMapMany(shares -> Flux.fromIterable(shares).buffer(ENTRIES_PER_SLICE))
                .flatMapSequential(slice -> Mono.fromSupplier(() -> slice.stream().map(share -> entry(run, share)).toList())
                        .subscribeOn(Schedulers.parallel()))
                .collect(ArrayList<LedgerEntry>::new, List::addAll)
                .doOnNext(entries -> phases.end("made"))
                .flatMap(entries -> ledger.bookAll(entries, resuming, actor).map(allStoredNow -> new Booked(entries, allStoredNow)))
                .doOnNext(booked -> phases.end("stored"))
                // deferred: completedAt is the time of completion, not of this method's call
                .flatMap(booked -> Mono.defer(() -> mongo.findAndModify(Query.query(Criteria.where("_id").is(run.fiscalYear())),
                                new Update().set("status", AllocationRun.Status.COMPLETED).set("completedAt", clock.instant()),
                                org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true), AllocationRun.class))
                        .doOnNext(done -> phases.end("completed"))
                        // A run that stored every entry itself booked exactly these (no other entry of the kind and year
                        // exists: the run is the year's only one, and nobody finished it meanwhile), so its figures are
                        // theirs; a run resumed or finished beside another reads them from the ledger.
                        .flatMap(done -> booked.allStoredNow() && !resuming ? Mono.just(figures(done, booked.entries())) : response(done))
                        // A yearly event: how long each part took, for whoever wonders why a run was slow.
                        .doOnNext(figures -> log.info("Allocation {}: {} entries; members read in {} ms, counted in {} ms, entries made in {} ms, "
                                        + "stored in {} ms, completed in {} ms, figures in {} ms", run.fiscalYear(), booked.entries().size(),
                                phases.millis("read"), phases.millis("counted"), phases.millis("made"), phases.millis("stored"),
                                phases.millis("completed"), phases.end("figures").millis("figures"))));
    }

    private record Booked(List<LedgerEntry> entries, boolean allStoredNow) {
    }

    /** The run's figures from the entries it booked (all of the year's working funds). */
    private static AllocationResponse figures(AllocationRun run, List<LedgerEntry> entries) {
        long members = 0;
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (LedgerEntry entry : entries) {
            members += entry.members() == null ? 0 : entry.members();
            total = total.add(entry.amount());
        }
        return new AllocationResponse(run.fiscalYear(), run.snapshotDate(), entries.size(), members, Money.format(run.perMemberYuan()),
                Money.format(total), run.status(), run.startedAt(), run.completedAt());
    }

    /**
     * The runs a stopped instance left {@code BOOKING} for longer than {@link #STALE_AFTER}, finished as their next
     * request would (their entries stored totalled, their cells added after them: until then the run's status stands
     * for them). Asked by every instance's ledger sweep; two finishing one run at once book each entry and cell once.
     */
    @Override
    public Mono<Long> finishStale() {
        Query stale = Query.query(Criteria.where("status").is(AllocationRun.Status.BOOKING).and("startedAt")
                .lt(clock.instant().minus(STALE_AFTER)));
        return mongo.find(stale, AllocationRun.class)
                .concatMap(run -> book(run, true, UNFINISHED)
                        .doOnNext(done -> log.info("Allocation {}: the run a stopped instance left is finished", run.fiscalYear())))
                .count();
    }

    /** Who finishes a run a stopped instance left, in the audit trail. */
    private static final Actor UNFINISHED = Actor.system("funding.unfinished-bookings");

    private LedgerEntry entry(AllocationRun run, AllocationRules.Share share) {
        return LedgerEntry.book(LedgerEntry.annualId(run.fiscalYear(), share.partyOrganizationId()),
                EntryKind.ANNUAL_WORKING_FUNDS, share.partyOrganizationId(), share.street(), run.fiscalYear(),
                share.amount(), share.members() + " members × " + Money.format(run.perMemberYuan()) + " on " + run.snapshotDate(),
                share.members(), "allocation:" + run.fiscalYear(), null, clock.instant(), run.startedBy())
                // no second write per entry: the run adds their cells after storing them, and its BOOKING stands for them
                .totalledByItsBooking();
    }

    /** The run's figures from the ledger: the year's annual working funds as booked (their cells, summed). */
    private Mono<AllocationResponse> response(AllocationRun run) {
        return totals.total(run.fiscalYear(), EntryKind.ANNUAL_WORKING_FUNDS).map(booked -> new AllocationResponse(run.fiscalYear(),
                run.snapshotDate(), booked.entries(), booked.members(), Money.format(run.perMemberYuan()), Money.format(booked.yuan()),
                run.status(), run.startedAt(), run.completedAt()));
    }
}
