package org.partybuilding.training.compliance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.partybuilding.platform.spreadsheet.Table;
import org.partybuilding.training.compliance.ComplianceRules.RequirementResult;
import org.partybuilding.training.compliance.ComplianceRules.Status;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
class ComplianceController {

    private final ComplianceService compliance;
    private final ComplianceRules rules;
    private final Clock clock;

    ComplianceController(ComplianceService compliance, ComplianceRules rules, Clock clock) {
        this.compliance = compliance;
        this.rules = rules;
        this.clock = clock;
    }

    @GetMapping(value = "/api/training/compliance", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ComplianceReport> report(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter,
            @RequestParam(required = false) String street, @RequestParam(required = false) String partyOrganizationId,
            @RequestParam(required = false) Status status, DataScope scope) {
        Period period = period(year, quarter);
        // Thousands of party organizations are evaluated in memory: off the event loop.
        return Mono.fromCallable(() -> compliance.report(period, street, partyOrganizationId, status, scope))
                .subscribeOn(Schedulers.parallel());
    }

    @GetMapping(value = "/api/training/compliance", produces = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    Mono<ResponseEntity<byte[]>> export(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter,
            @RequestParam(required = false) String street, @RequestParam(required = false) String partyOrganizationId,
            @RequestParam(required = false) Status status, @RequestHeader(HttpHeaders.ACCEPT) String accept, DataScope scope) {
        Period period = period(year, quarter);
        return Mono.fromCallable(() -> Spreadsheets.export(MediaType.parseMediaTypes(accept), "compliance-" + period.label(),
                table(compliance.report(period, street, partyOrganizationId, status, scope)))).subscribeOn(Schedulers.boundedElastic());
    }

    private Period period(Integer year, Integer quarter) {
        List<FieldError> errors = new ArrayList<>();
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        if (y < 2000 || y > 2100) {
            errors.add(new FieldError("year", "must be between 2000 and 2100"));
        }
        if (quarter != null && (quarter < 1 || quarter > 4)) {
            errors.add(new FieldError("quarter", "must be 1 to 4"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Period(y, quarter);
    }

    /**
     * One row per party organization: each requirement as "met/required", what is missing, and the activities held that
     * did not count and why (e.g. "GENERAL_MEETING NO_QUORUM 1").
     */
    private Table table(ComplianceReport report) {
        List<String> headers = new ArrayList<>(List.of("partyOrganizationId", "name", "street", "type", "committee", "status"));
        rules.settings().requirements().forEach(r -> headers.add(r.name() + " met/required"));
        headers.add("missing");
        headers.add("not counted");
        List<List<Object>> rows = new ArrayList<>();
        for (ComplianceReport.Row row : report.partyOrganizations()) {
            List<Object> cells = new ArrayList<>(List.of(row.partyOrganizationId(), row.name() == null ? "" : row.name(),
                    row.street() == null ? "" : row.street(), row.type() == null ? "" : row.type(), row.committee(), row.status().name()));
            for (RequirementResult r : row.requirements()) {
                cells.add(r.status() == Status.NOT_REQUIRED ? "-" : r.met() + "/" + r.required());
            }
            cells.add(String.join("; ", row.missing()));
            List<String> notCounted = new ArrayList<>();
            for (RequirementResult r : row.requirements()) {
                r.notCounted().forEach((reason, n) -> notCounted.add(r.requirement() + " " + reason + " " + n));
            }
            cells.add(String.join("; ", notCounted));
            rows.add(cells);
        }
        return new Table("compliance " + report.period(), headers, rows);
    }
}
