package org.partybuilding.funding.report;

import java.util.List;

import org.partybuilding.funding.context.DistrictState;
import org.partybuilding.funding.ledger.FundingScope;
import org.partybuilding.funding.money.Money;
import org.partybuilding.funding.policy.FundingPolicies;
import org.partybuilding.funding.report.FundingReport.GroupBy;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** {@code /api/funding/reports} (JSON, CSV, XLSX) and {@code /api/funding/forecast}. */
@RestController
@RequestMapping("/api/funding")
class ReportController {

    private final FundingReports reports;
    private final FundingPolicies policies;
    private final DistrictState state;
    private final District district;

    ReportController(FundingReports reports, FundingPolicies policies, DistrictState state, District district) {
        this.reports = reports;
        this.policies = policies;
        this.state = state;
        this.district = district;
    }

    @GetMapping(path = "/reports", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<FundingReport> report(@RequestParam(required = false) Integer fiscalYear,
            @RequestParam(required = false) String groupBy, @RequestParam(required = false) String street, DataScope scope) {
        return Mono.defer(() -> build(fiscalYear, groupBy, street, scope));
    }

    @GetMapping(path = "/reports", produces = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    Mono<ResponseEntity<byte[]>> export(@RequestParam(required = false) Integer fiscalYear,
            @RequestParam(required = false) String groupBy, @RequestParam(required = false) String street,
            @RequestHeader(HttpHeaders.ACCEPT) List<MediaType> accept, DataScope scope) {
        return Mono.defer(() -> build(fiscalYear, groupBy, street, scope))
                .map(report -> Spreadsheets.export(accept, "funding-" + report.fiscalYear() + "-by-" + report.groupBy(),
                        FundingReports.tables(report)));
    }

    private Mono<FundingReport> build(Integer fiscalYear, String groupBy, String street, DataScope scope) {
        GroupBy grouping = null;
        List<FieldError> errors = new java.util.ArrayList<>();
        if (fiscalYear == null) {
            errors.add(new FieldError("fiscalYear", "is required"));
        }
        if (groupBy == null) {
            grouping = GroupBy.street;
        } else {
            try {
                grouping = GroupBy.valueOf(groupBy);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("groupBy", "must be street, partyOrganization or kind"));
            }
        }
        if (street != null && !district.hasStreet(street)) {
            errors.add(new FieldError("street", "is not a street of the district"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (scope.has(Role.BRANCH_SECRETARY) && !FundingScope.readsDistrict(scope) && !scope.has(Role.STREET_ADMIN)) {
            // A secretary's report is its own party organization's entries.
            return reports.report(fiscalYear, grouping, street, FundingScope.partyOrganization(scope, null));
        }
        return reports.report(fiscalYear, grouping, FundingScope.street(scope, street), null);
    }

    /** Rule 18 for the district, or a street admin's street. */
    @GetMapping("/forecast")
    Mono<ForecastResponse> forecast(@RequestParam(required = false) Integer fiscalYear,
            @RequestParam(required = false) String street, DataScope scope) {
        return Mono.defer(() -> {
            if (fiscalYear == null) {
                throw new InvalidInputException("fiscalYear", "is required");
            }
            if (street != null && !district.hasStreet(street)) {
                throw new InvalidInputException("street", "is not a street of the district");
            }
            if (!FundingScope.readsDistrict(scope) && !scope.has(Role.STREET_ADMIN)) {
                throw new AccessDeniedException("Your role does not read the budget forecast");
            }
            String inScope = FundingScope.street(scope, street);
            return Mono.zip(policies.find(fiscalYear), state.activePartyMembers(inScope), state.outlooks()).map(read -> {
                var policy = read.getT1();
                ForecastRules.Forecast forecast = ForecastRules.forecast(read.getT2(), read.getT3(), inScope,
                        policy.perMemberYuan(), policy.startupYuan());
                return new ForecastResponse(fiscalYear, inScope, Money.format(policy.perMemberYuan()),
                        Money.format(policy.startupYuan()), forecast.members(), Money.format(forecast.workingFunds()),
                        forecast.shouldFormSingle(), forecast.proposedJoint(), forecast.expectedNewPartyOrganizations(),
                        Money.format(forecast.startupGrants()), Money.format(forecast.total()));
            });
        });
    }
}
