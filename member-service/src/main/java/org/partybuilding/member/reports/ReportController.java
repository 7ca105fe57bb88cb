package org.partybuilding.member.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.partybuilding.platform.district.District;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.partybuilding.platform.spreadsheet.Table;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

@RestController
class ReportController {

    private static final String ARREARS = "/api/members/reports/arrears";
    private static final List<String> ARREARS_HEADERS = List.of("姓名", "单位ID", "街道", "党组织ID", "发展阶段", "应缴起始月份",
            "最后缴纳月份", "连续未缴起始月份", "连续未缴月数");

    private final MemberReports reports;
    private final District district;

    ReportController(MemberReports reports, District district) {
        this.reports = reports;
        this.district = district;
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

    /** Rule 11's arrears list (6+ consecutive unpaid months), longest unpaid first, within the caller's scope. */
    @GetMapping(value = ARREARS, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<PageResponse<ArrearsEntry>> arrears(@RequestParam(required = false) String street,
            @RequestParam(required = false) String partyOrganizationId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, DataScope scope) {
        PageQuery query = PageQuery.of(page, size);
        return reports.arrears(street, partyOrganizationId, scope).map(all -> PageResponse.of(
                all.stream().skip(query.offset()).limit(query.size()).toList(), query, all.size()));
    }

    @GetMapping(value = ARREARS, produces = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    Mono<ResponseEntity<byte[]>> arrearsExport(@RequestParam(required = false) String street,
            @RequestParam(required = false) String partyOrganizationId, @RequestHeader(HttpHeaders.ACCEPT) String accept,
            DataScope scope) {
        return reports.arrears(street, partyOrganizationId, scope).map(all -> Spreadsheets.export(MediaType.parseMediaTypes(accept),
                "党费欠缴名单", new Table("党费欠缴名单", ARREARS_HEADERS, all.stream().map(this::row).toList())));
    }

    private List<Object> row(ArrearsEntry e) {
        return new ArrayList<>(Arrays.asList(e.name(), e.organizationId(), district.streets().getOrDefault(e.street(), e.street()),
                e.partyOrganizationId(), e.stage().label(), e.owedFrom().toString(), e.lastPaid() == null ? null : e.lastPaid().toString(),
                e.unpaidSince().toString(), e.unpaidMonths()));
    }
}
