package org.partybuilding.funding.policy;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.partybuilding.funding.money.Money;
import org.partybuilding.platform.audit.Actor;
import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.audit.AuditTrail;
import org.partybuilding.platform.problem.ConflictException;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
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

    /** The audit trail's name for funding policies; who set it and when are the record's actor and time. */
    public static final String RESOURCE = "FundingPolicy";
    private static final Set<String> BOOKKEEPING = Set.of("fiscalYear", "updatedAt", "updatedBy");

    private final ReactiveMongoTemplate mongo;
    private final PolicySettings settings;
    private final Clock clock;
    private final AuditTrail audit;

    public FundingPolicies(ReactiveMongoTemplate mongo, PolicySettings settings, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    /** The year's policy: the one set for it, or the configured defaults at version 0. */
    /** The year's policy's audit records, newest first (everyone who may read policies may read them). */
    public Mono<PageResponse<AuditRecord>> history(int year, PageQuery page) {
        return find(year).flatMap(p -> audit.history(FundingPolicy.COLLECTION, year, page));
    }

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
            // The record compares with the policy the change was made from (the defaults for a year's first policy);
            // a stale version writes neither the policy nor its record.
            Mono<FundingPolicy> write = find(year).flatMap(before -> {
                AuditRecord record = audit.changed(Actor.of(scope), expectedVersion == 0 ? "POLICY_SET" : "POLICY_CHANGED", RESOURCE,
                        String.valueOf(year), before, policy, null, BOOKKEEPING);
                return expectedVersion == 0
                        ? audit.insert(policy, record).onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                        : mongo.findAndModify(
                                Query.query(Criteria.where("_id").is(year).and("version").is(expectedVersion)),
                                AuditTrail.append(new Update().set("version", policy.version())
                                        .set("perMemberYuan", policy.perMemberYuan())
                                        .set("startupYuan", policy.startupYuan())
                                        .set("updatedAt", policy.updatedAt())
                                        .set("updatedBy", policy.updatedBy()), record),
                                FindAndModifyOptions.options().returnNew(true), FundingPolicy.class);
            });
            return write.switchIfEmpty(Mono.defer(() -> find(year).flatMap(current -> Mono.error(stale(current, expectedVersion)))));
        });
    }

    private static ConflictException stale(FundingPolicy current, long expectedVersion) {
        return new ConflictException("The " + current.fiscalYear() + " funding policy is at version " + current.version()
                + ", not " + expectedVersion + "; read it again and retry");
    }
}
