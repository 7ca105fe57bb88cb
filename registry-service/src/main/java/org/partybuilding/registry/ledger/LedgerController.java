package org.partybuilding.registry.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.partybuilding.platform.district.District;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.partybuilding.platform.spreadsheet.Table;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.partybuilding.registry.organization.OrganizationFilter;
import org.partybuilding.registry.organization.OrganizationStatus;
import org.partybuilding.registry.organization.OrganizationType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** {@code GET /api/registry/ledger}: JSON pages, or the whole ledger as CSV or XLSX by {@code Accept}. */
@RestController
class LedgerController {

    private static final Map<String, String> FORMATIONS = Map.of("SINGLE", "单独建", "JOINT", "联合建", "AFFILIATED", "挂靠建");
    private static final Map<String, String> PARTY_ORGANIZATION_TYPES = Map.of("BRANCH", "党支部", "GENERAL_BRANCH", "党总支",
            "COMMITTEE", "基层党委");
    private static final List<String> HEADERS = List.of("社会组织名称", "统一社会信用代码", "类型", "街道", "登记状态", "运营状况",
            "从业人员数", "专职工作人员数", "党组织名称", "组建方式", "党组织类型", "正式党员", "预备党员", "法定代表人是否党员");

    private final FiveClearsLedger ledger;
    private final District district;

    LedgerController(FiveClearsLedger ledger, District district) {
        this.ledger = ledger;
        this.district = district;
    }

    @GetMapping(value = "/api/registry/ledger", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<PageResponse<LedgerEntry>> page(@RequestParam(required = false) String street,
            @RequestParam(required = false) OrganizationType type, @RequestParam(required = false) String industry,
            @RequestParam(required = false) OrganizationStatus status, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, DataScope scope) {
        return ledger.page(new OrganizationFilter(street, type, industry, status, q), PageQuery.of(page, size), scope);
    }

    @GetMapping(value = "/api/registry/ledger", produces = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    Mono<ResponseEntity<byte[]>> export(@RequestParam(required = false) String street,
            @RequestParam(required = false) OrganizationType type, @RequestParam(required = false) String industry,
            @RequestParam(required = false) OrganizationStatus status, @RequestParam(required = false) String q,
            @RequestHeader(HttpHeaders.ACCEPT) String accept, DataScope scope) {
        return ledger.all(new OrganizationFilter(street, type, industry, status, q), scope).map(this::row).collectList()
                .map(rows -> Spreadsheets.export(MediaType.parseMediaTypes(accept), "五个清台账",
                        new Table("五个清台账", HEADERS, rows)));
    }

    private List<Object> row(LedgerEntry e) {
        LedgerEntry.PartyOrganization p = e.partyOrganization();
        return new ArrayList<>(Arrays.asList(e.name(), e.creditCode(), e.type().label(),
                district.streets().getOrDefault(e.street(), e.street()),
                e.status() == OrganizationStatus.ACTIVE ? "存续" : "已注销", e.operatingStatus().label(),
                e.employees(), e.fullTimeStaff(),
                p == null ? null : p.name(), p == null ? null : FORMATIONS.getOrDefault(p.formation(), p.formation()),
                p == null ? null : PARTY_ORGANIZATION_TYPES.getOrDefault(p.type(), p.type()),
                e.members().formal(), e.members().probationary(), e.legalRepresentativePartyMember() ? "是" : "否"));
    }
}
