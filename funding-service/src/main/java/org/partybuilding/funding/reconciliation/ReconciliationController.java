package org.partybuilding.funding.reconciliation;

import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * {@code GET /api/funding/reconciliation?fiscalYear=} (district-admin, auditor): the year's start-up grants and
 * working funds recomputed from the member and party-organization facts funding holds, and every difference from the
 * ledger, to the fen ({@link ReconciliationRules}, read by {@link Reconciliation}).
 */
@RestController
class ReconciliationController {

    private final Reconciliation reconciliation;

    ReconciliationController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GetMapping(path = "/api/funding/reconciliation", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ReconciliationResponse> reconcile(@RequestParam(required = false) Integer fiscalYear, DataScope scope) {
        return Mono.defer(() -> {
            scope.requireAny(Role.DISTRICT_ADMIN, Role.AUDITOR);
            if (fiscalYear == null || fiscalYear < 1900 || fiscalYear > 9999) {
                throw new InvalidInputException("fiscalYear", "is required, a year such as 2026");
            }
            return reconciliation.of(fiscalYear)
                    .map(c -> ReconciliationResponse.of(fiscalYear, c.run(), c.startupYuan(), c.result()));
        });
    }
}
