package org.partybuilding.member.reports;

import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.security.DataScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

@RestController
class ReportController {

    private final MemberReports reports;

    ReportController(MemberReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/members/reports/pipeline")
    Mono<PipelineReport> pipeline(@RequestParam(required = false) String street,
            @RequestParam(required = false) String partyOrganizationId, @RequestParam(defaultValue = "100") int limit,
            DataScope scope) {
        if (limit < 0 || limit > 1000) {
            throw new InvalidInputException("limit", "must be 0 to 1000");
        }
        return reports.pipeline(street, partyOrganizationId, limit, scope);
    }

    @GetMapping("/api/members/reports/transfer-due")
    Mono<TransferDueReport> transferDue(@RequestParam(required = false) String street, DataScope scope) {
        return reports.transferDue(street, scope);
    }
}
