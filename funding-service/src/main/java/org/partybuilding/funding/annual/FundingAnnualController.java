package org.partybuilding.funding.annual;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.partybuilding.funding.ledger.FundingScope;
import org.partybuilding.funding.report.FundingReport;
import org.partybuilding.funding.report.FundingReports;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.annual.AnnualPeriod;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.spreadsheet.Amount;
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
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/funding/reports/annual?year=&street=}: funding booked in the fiscal year by kind and by street, from
 * {@link FundingReports} (the funding report's figures). District-wide readers and finance; a street admin its street.
 */
@RestController
@Tag(name = "annual report", description = "Annual report to the district committee (每年向区委报告)")
class FundingAnnualController {

    private final FundingReports reports;
    private final District district;
    private final Clock clock;

    FundingAnnualController(FundingReports reports, District district, Clock clock) {
        this.reports = reports;
        this.district = district;
        this.clock = clock;
    }

    @GetMapping(value = "/api/funding/reports/annual", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The funding section of the annual report: booked by kind and street with totals")
    Mono<FundingAnnualSection> annual(@RequestParam(required = false) Integer year, @RequestParam(required = false) String street,
            DataScope scope) {
        return Mono.defer(() -> section(year, street, scope));
    }

    @GetMapping(value = "/api/funding/reports/annual", produces = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    Mono<ResponseEntity<byte[]>> export(@RequestParam(required = false) Integer year, @RequestParam(required = false) String street,
            @RequestHeader(HttpHeaders.ACCEPT) String accept, DataScope scope) {
        return Mono.defer(() -> section(year, street, scope)).publishOn(Schedulers.boundedElastic())
                .map(s -> Spreadsheets.export(MediaType.parseMediaTypes(accept), "annual-funding-" + s.year(), tables(s)));
    }

    private Mono<FundingAnnualSection> section(Integer year, String street, DataScope scope) {
        AnnualPeriod period = AnnualPeriod.of(year, street, district, clock);
        LocalDate today = period.today();
        int y = period.year();
        String scoped = FundingScope.street(scope, period.street());
        // both groupings from one read of the totals: equal to the fen
        return reports.reports(y, List.of(FundingReport.GroupBy.kind, FundingReport.GroupBy.street), scoped, null).map(both -> {
            FundingReport byKind = both.get(0);
            FundingReport byStreet = both.get(1);
            return new FundingAnnualSection(y, scoped, scoped == null ? null : district.streets().get(scoped), today,
                    byKind.rows(), byStreet.rows(), byKind.total(), byKind.entries(), byKind.preExisting().size());
        });
    }

    private static final List<String> HEADERS = List.of("分组", "名称", "笔数", "启动经费", "年度工作经费", "党费返还", "调整", "合计");

    static List<Table> tables(FundingAnnualSection s) {
        return List.of(new Table("经费按类别", HEADERS, rows(s.byKind(), s.total())),
                new Table("经费按街道", HEADERS, rows(s.byStreet(), s.total())));
    }

    private static List<List<Object>> rows(List<FundingReport.Row> rows, String total) {
        List<List<Object>> out = new ArrayList<>();
        for (FundingReport.Row r : rows) {
            out.add(java.util.Arrays.asList(r.key(), r.name(), r.entries(), amount(r.startupGrants()),
                    amount(r.annualWorkingFunds()), amount(r.duesReturns()), amount(r.adjustments()), amount(r.amount())));
        }
        out.add(java.util.Arrays.asList("合计", null, null, null, null, null, null, amount(total)));
        return out;
    }

    private static Amount amount(String yuan) {
        return yuan == null ? null : Amount.of(yuan);
    }
}
