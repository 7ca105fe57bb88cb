package org.partybuilding.funding.allocation;

import java.net.URI;

import org.partybuilding.platform.security.DataScope;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** {@code POST /api/funding/allocations}: 201 for the run this call booked, 200 with the first run's figures for a repeat. */
@RestController
@RequestMapping("/api/funding/allocations")
class AllocationController {

    private final Allocations allocations;

    AllocationController(Allocations allocations) {
        this.allocations = allocations;
    }

    @PostMapping
    Mono<ResponseEntity<AllocationResponse>> run(@RequestBody AllocationRequest request, DataScope scope) {
        return allocations.run(request, scope).map(result -> ResponseEntity
                .status(result.started() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/funding/ledger?kind=ANNUAL_WORKING_FUNDS&fiscalYear=" + result.run().fiscalYear()))
                .body(result.run()));
    }
}
