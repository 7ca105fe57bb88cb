package org.partybuilding.funding.policy;

import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/funding/policies")
class PolicyController {

    private final FundingPolicies policies;

    PolicyController(FundingPolicies policies) {
        this.policies = policies;
    }

    @GetMapping("/{year}")
    Mono<ResponseEntity<PolicyResponse>> read(@PathVariable int year) {
        return policies.find(year).map(PolicyController::withETag);
    }

    /** Needs {@code If-Match}: the ETag of the year's policy, {@code "0"} while it is the default. */
    @PutMapping("/{year}")
    Mono<ResponseEntity<PolicyResponse>> set(@PathVariable int year, @RequestBody PolicyChange change,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, DataScope scope) {
        long expected = Versions.requireIfMatch(ifMatch);
        return policies.set(year, change, expected, scope).map(PolicyController::withETag);
    }

    private static ResponseEntity<PolicyResponse> withETag(PolicyResponse policy) {
        return ResponseEntity.ok().header(HttpHeaders.ETAG, Versions.etag(policy.version())).body(policy);
    }
}
