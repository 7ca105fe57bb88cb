package org.partybuilding.funding.policy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.partybuilding.platform.problem.ConflictException;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** Reads and sets the funding policy per fiscal year; only the district organization department sets it. */
@Service
public class FundingPolicies {

    private final ReactiveMongoTemplate mongo;
    private final PolicyDefaults defaults;
    private final Clock clock;

    public FundingPolicies(ReactiveMongoTemplate mongo, PolicyDefaults defaults, Clock clock) {
        this.mongo = mongo;
        this.defaults = defaults;
        this.clock = clock;
    }

    public Mono<PolicyResponse> find(int year) {
        checkYear(year);
        return mongo.findById(year, FundingPolicy.class)
                .map(FundingPolicies::response)
                .defaultIfEmpty(new PolicyResponse(year, Money.format(defaults.defaultPerMemberYuan()),
                        Money.format(defaults.defaultStartupYuan()), "DEFAULT", 0));
    }

    /**
     * Sets the year's policy if it is still at {@code expectedVersion} (0 while the year has only the
     * default). One single-document write: a stale version changes nothing and is a 409.
     */
    public Mono<PolicyResponse> set(int year, PolicyChange change, long expectedVersion, DataScope scope) {
        scope.requireAny(Role.DISTRICT_ADMIN);
        checkYear(year);
        List<FieldError> errors = new ArrayList<>();
        Money.problem(change.perMemberYuan()).ifPresent(p -> errors.add(new FieldError("perMemberYuan", p)));
        Money.problem(change.startupYuan()).ifPresent(p -> errors.add(new FieldError("startupYuan", p)));
        if (!errors.isEmpty()) {
            return Mono.error(new InvalidInputException(errors));
        }
        String perMember = Money.format(Money.parse(change.perMemberYuan()));
        String startup = Money.format(Money.parse(change.startupYuan()));
        Mono<FundingPolicy> write;
        if (expectedVersion == 0) {
            write = mongo.insert(new FundingPolicy(year, 1, perMember, startup, clock.instant(), scope.username()))
                    .onErrorMap(DuplicateKeyException.class, e -> stale(year));
        } else {
            Query current = Query.query(Criteria.where("_id").is(year).and("version").is(expectedVersion));
            Update update = new Update().set("perMemberYuan", perMember).set("startupYuan", startup)
                    .set("updatedAt", clock.instant()).set("updatedBy", scope.username()).inc("version", 1);
            write = mongo.findAndModify(current, update, FindAndModifyOptions.options().returnNew(true), FundingPolicy.class)
                    .switchIfEmpty(Mono.error(() -> stale(year)));
        }
        return write.map(FundingPolicies::response);
    }

    private void checkYear(int year) {
        if (year < defaults.earliestYear() || year > defaults.latestYear()) {
            throw new InvalidInputException("year", "must be a fiscal year from " + defaults.earliestYear() + " to " + defaults.latestYear());
        }
    }

    private static ConflictException stale(int year) {
        return new ConflictException("The " + year + " policy was changed meanwhile; read it again and retry");
    }

    private static PolicyResponse response(FundingPolicy policy) {
        return new PolicyResponse(policy.fiscalYear(), policy.perMemberYuan(), policy.startupYuan(), "SET", policy.version());
    }
}
