package org.partybuilding.branch.coverage;

import java.util.ArrayList;
import java.util.List;

import org.partybuilding.platform.district.District;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.partybuilding.platform.spreadsheet.Table;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "coverage", description = "Coverage (覆盖) of the district's social organizations by party organizations and instructors")
class CoverageController {

    private static final List<String> FIGURES = List.of("activeOrganizations", "withMembers", "coveredBySingle",
            "coveredByJoint", "coveredByAffiliated", "instructorOnly", "uncovered", "organizationCoverageRate",
            "workCoverageRate");

    private final CoverageService coverage;
    private final District district;

    CoverageController(CoverageService coverage, District district) {
        this.coverage = coverage;
        this.district = district;
    }

    @GetMapping(value = "/api/branches/coverage", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Coverage figures, per street, type and supervisory unit, and the gap list (DOMAIN.md §4)",
            description = "district-admin, committee-admin and auditor see the district; a street-admin sees its own street "
                    + "(another street is 403). Rates are fractions with 4 decimals, null when there is nothing to divide by. "
                    + "Accept text/csv or XLSX for a spreadsheet: the figures and the gap list (one sheet, or CSV section, each); "
                    + "part=figures or part=gaps for one of them.")
    Mono<CoverageReport> coverage(
            @Parameter(description = "a street code of the district, e.g. JIANSHE") @RequestParam(required = false) String street,
            @Parameter(description = "SOCIAL_GROUP, PRIVATE_NON_ENTERPRISE or FOUNDATION") @RequestParam(required = false) String type,
            @Parameter(description = "the supervisory unit (业务主管单位), exactly") @RequestParam(required = false) String supervisoryUnit,
            DataScope scope) {
        return coverage.report(CoverageFilter.of(street, type, supervisoryUnit, district), scope);
    }

    @GetMapping(value = "/api/branches/coverage", produces = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    Mono<ResponseEntity<byte[]>> export(@RequestParam(required = false) String street,
            @RequestParam(required = false) String type, @RequestParam(required = false) String supervisoryUnit,
            @Parameter(description = "figures or gaps: only that part (default both)") @RequestParam(required = false) String part,
            @Parameter(hidden = true) @RequestHeader(HttpHeaders.ACCEPT) String accept, DataScope scope) {
        String wanted = part == null || part.isBlank() ? null : part.trim().toLowerCase(java.util.Locale.ROOT);
        if (wanted != null && !wanted.equals("figures") && !wanted.equals("gaps")) {
            throw new InvalidInputException("part", "must be figures or gaps (without it: both)");
        }
        return coverage.report(CoverageFilter.of(street, type, supervisoryUnit, district), scope)
                .map(report -> Spreadsheets.export(MediaType.parseMediaTypes(accept),
                        wanted == null ? "coverage" : "coverage-" + wanted,
                        wanted == null ? List.of(figureTable(report), gapTable(report))
                                : List.of(wanted.equals("gaps") ? gapTable(report) : figureTable(report))));
    }

    private static Table figureTable(CoverageReport r) {
        List<String> headers = new ArrayList<>(List.of("dimension", "key", "name"));
        headers.addAll(FIGURES);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("DISTRICT", null, null, r.activeOrganizations(), r.withMembers(), r.coveredBySingle(), r.coveredByJoint(),
                r.coveredByAffiliated(), r.instructorOnly(), r.uncovered(), r.organizationCoverageRate(), r.workCoverageRate()));
        for (CoverageReport.StreetCoverage s : r.byStreet()) {
            rows.add(row("STREET", s.street(), s.streetName(), s.activeOrganizations(), s.withMembers(), s.coveredBySingle(),
                    s.coveredByJoint(), s.coveredByAffiliated(), s.instructorOnly(), s.uncovered(), s.organizationCoverageRate(),
                    s.workCoverageRate()));
        }
        for (CoverageReport.TypeCoverage t : r.byType()) {
            rows.add(row("TYPE", t.type(), null, t.activeOrganizations(), t.withMembers(), t.coveredBySingle(),
                    t.coveredByJoint(), t.coveredByAffiliated(), t.instructorOnly(), t.uncovered(), t.organizationCoverageRate(),
                    t.workCoverageRate()));
        }
        for (CoverageReport.SupervisoryUnitCoverage u : r.bySupervisoryUnit()) {
            rows.add(row("SUPERVISORY_UNIT", u.supervisoryUnit(), u.supervisoryUnit(), u.activeOrganizations(), u.withMembers(),
                    u.coveredBySingle(), u.coveredByJoint(), u.coveredByAffiliated(), u.instructorOnly(), u.uncovered(),
                    u.organizationCoverageRate(), u.workCoverageRate()));
        }
        return new Table("coverage", headers, rows);
    }

    private static List<Object> row(Object... cells) {
        return java.util.Arrays.asList(cells);
    }

    private static Table gapTable(CoverageReport r) {
        List<List<Object>> rows = new ArrayList<>();
        for (Gap g : r.gaps()) {
            rows.add(row(g.street(), g.reason().name(), g.organizationId(), g.organizationName(), g.partyOrganizationId(),
                    g.partyOrganizationName(), g.membersToTransfer()));
        }
        return new Table("gaps", List.of("street", "reason", "organizationId", "organizationName", "partyOrganizationId",
                "partyOrganizationName", "membersToTransfer"), rows);
    }
}
