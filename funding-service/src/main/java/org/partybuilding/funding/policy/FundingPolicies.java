package org.partybuilding.funding.policy;

import java.time.Clock;
import java.util.List;

import org.partybuilding.funding.money.Money;
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

/**
 * The funding policy per fiscal year: what a year's policy is (set, or the configured defaults),
 * and setting it, which only the district organization department (district-admin) may do.
 */
@Service
public class FundingPolicies {

    private final ReactiveMongoTemplate mongo;
    private final PolicySettings settings;
    private final Clock clock;

    public FundingPolicies(ReactiveMongoTemplate mongo, PolicySettings settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    /** The year's policy: the one set for it, or the configured defaults at version 0. */
    public Mono<FundingPolicy> find(int year) {
        return Mono.defer(() -> {
            PolicyRules.checkYear(year, settings).ifPresent(error -> {
                throw new InvalidInputException(List.of(error));
            });
            return mongo.findById(year, FundingPolicy.class).defaultIfEmpty(FundingPolicy.defaults(year, settings));
        });
    }

    /**
     * Sets the year's policy if it is still at {@code expectedVersion} (0 while the year has the
     * defaults). One single-document write decides: an insert for the first policy of the year
     * (the unique {@code _id} refuses a second), a version-guarded update after that. Stale is 409
     * and changes nothing.
     */
    public Mono<FundingPolicy> set(int year, PolicyChange change, long expectedVersion, DataScope scope) {
        return Mono.defer(() -> {
            scope.requireAny(Role.DISTRICT_ADMIN);
            List<FieldError> errors = PolicyRules.check(year, change, settings);
            if (!errors.isEmpty()) {
                return Mono.error(new InvalidInputException(errors));
            }
            FundingPolicy policy = new FundingPolicy(year, expectedVersion + 1, Money.parse(change.perMemberYuan()),
                    Money.parse(change.startupYuan()), clock.instant(), scope.username());
            Mono<FundingPolicy> write = expectedVersion == 0
                    ? mongo.insert(policy).onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                    : mongo.findAndModify(
                            Query.query(Criteria.where("_id").is(year).and("version").is(expectedVersion)),
                            new Update().set("version", policy.version())
                                    .set("perMemberYuan", policy.perMemberYuan())
                                    .set("startupYuan", policy.startupYuan())
                                    .set("updatedAt", policy.updatedAt())
                                    .set("updatedBy", policy.updatedBy()),
                            FindAndModifyOptions.options().returnNew(true), FundingPolicy.class);
            return write.switchIfEmpty(Mono.defer(() -> find(year).flatMap(current -> Mono.error(stale(current, expectedVersion)))));
        });
    }

    private static ConflictException stale(FundingPolicy current, long expectedVersion) {
        return new ConflictException("The " + current.fiscalYear() + " funding policy is at version " + current.version()
                + ", not " + expectedVersion + "; read it again and retry");
    }
}
