package org.partybuilding.funding.policy;

import java.time.Clock;
import java.time.LocalDate;

import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.district.FiscalYears;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.partybuilding.platform.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** {@code /api/funding/policies/{year}}: the funding policy of a fiscal year. */
@RestController
@RequestMapping("/api/funding/policies")
class PolicyController {

    private final FundingPolicies policies;
    private final FiscalYears fiscalYears;
    private final Clock clock;

    PolicyController(FundingPolicies policies, FiscalYears fiscalYears, Clock clock) {
        this.policies = policies;
        this.fiscalYears = fiscalYears;
        this.clock = clock;
    }

    @GetMapping("/{year}")
    Mono<ResponseEntity<PolicyResponse>> read(@PathVariable int year) {
        return policies.find(year).map(this::withETag);
    }

    /** The year's policy's audit trail, newest first. */
    @GetMapping("/{year}/history")
    Mono<PageResponse<AuditRecord>> history(@PathVariable int year, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return policies.history(year, PageQuery.of(page, size));
    }

    /**
     * Every year has a policy (the defaults until set, ETag {@code "0"}), so every PUT is an update
     * and needs {@code If-Match}: 428 without, 409 when stale.
     */
    @PutMapping("/{year}")
    Mono<ResponseEntity<PolicyResponse>> set(@PathVariable int year, @RequestBody PolicyChange change,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, DataScope scope) {
        long expectedVersion = Versions.requireIfMatch(ifMatch);
        return policies.set(year, change, expectedVersion, scope).map(this::withETag);
    }

    private ResponseEntity<PolicyResponse> withETag(FundingPolicy policy) {
        boolean closed = fiscalYears.closed(policy.fiscalYear(), LocalDate.now(clock));
        return ResponseEntity.ok().header(HttpHeaders.ETAG, Versions.etag(policy.version())).body(PolicyResponse.of(policy, closed));
    }
}
