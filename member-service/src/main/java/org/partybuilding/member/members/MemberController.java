package org.partybuilding.member.members;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.partybuilding.member.development.Stage;
import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.problem.TooLargeException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.partybuilding.platform.spreadsheet.Table;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.partybuilding.platform.web.Versions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/members")
class MemberController {

    private static final List<String> EXPORT_HEADERS = List.of("姓名", "性别", "出生日期", "出生年份", "公民身份号码", "手机号码", "学历",
            "单位ID", "街道", "党组织ID", "加入党组织日期", "发展阶段", "申请入党日期", "确定入党积极分子日期", "确定发展对象日期", "入党日期",
            "转正日期", "状态", "流动党员", "需转接组织关系");

    private final MemberRegistry registry;
    private final PersonalData personalData;
    private final District district;
    private final long exportMaxRows;

    MemberController(MemberRegistry registry, PersonalData personalData, District district,
            @Value("${member.export.max-rows:100000}") long exportMaxRows) {
        this.registry = registry;
        this.personalData = personalData;
        this.district = district;
        this.exportMaxRows = exportMaxRows;
    }

    @PostMapping
    Mono<ResponseEntity<MemberResponse>> register(@Valid @RequestBody RegisterMember body, DataScope scope) {
        return registry.register(body, scope).map(m -> ResponseEntity.created(URI.create("/api/members/" + m.id()))
                .header(HttpHeaders.ETAG, Versions.etag(m.version())).body(personalData.response(m, scope)));
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<MemberResponse>> read(@PathVariable String id, DataScope scope) {
        return registry.find(id, scope).map(m -> withETag(m, scope));
    }

    /** The member's audit records (who, when, what changed, why), newest first, for whoever may read the member. */
    @GetMapping("/{id}/history")
    Mono<PageResponse<AuditRecord>> history(@PathVariable String id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, DataScope scope) {
        return registry.history(id, PageQuery.of(page, size), scope);
    }

    @PutMapping("/{id}")
    Mono<ResponseEntity<MemberResponse>> replace(@PathVariable String id, @RequestBody MemberReplacement body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, DataScope scope) {
        long expected = Versions.requireIfMatch(ifMatch);
        return registry.replace(id, body, expected, scope).map(m -> withETag(m, scope));
    }

    @PatchMapping(value = "/{id}", consumes = {"application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE})
    Mono<ResponseEntity<MemberResponse>> patch(@PathVariable String id, @RequestBody MemberPatch body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, DataScope scope) {
        long expected = Versions.requireIfMatch(ifMatch);
        return registry.patch(id, body, expected, scope).map(m -> withETag(m, scope));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<PageResponse<MemberResponse>> list(@RequestParam(required = false) String organizationId,
            @RequestParam(required = false) String partyOrganizationId, @RequestParam(required = false) Stage stage,
            @RequestParam(required = false) String street, @RequestParam(required = false) Boolean mobile,
            @RequestParam(required = false) MemberStatus status, @RequestParam(required = false) Boolean transferRequired,
            @RequestParam(required = false) String q, @RequestParam(required = false) String idNumber,
            @RequestParam(required = false) List<String> sort,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, DataScope scope) {
        MemberFilter filter = new MemberFilter(organizationId, partyOrganizationId, stage, street, mobile, status, transferRequired,
                q, idNumber);
        return registry.list(filter, MemberSort.parse(sort), PageQuery.of(page, size), scope)
                .map(result -> result.map(m -> personalData.response(m, scope)));
    }

    /** The list as CSV or XLSX: every member the filters select within the caller's scope, masked as the API masks them. */
    @GetMapping(produces = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    Mono<ResponseEntity<byte[]>> export(@RequestParam(required = false) String organizationId,
            @RequestParam(required = false) String partyOrganizationId, @RequestParam(required = false) Stage stage,
            @RequestParam(required = false) String street, @RequestParam(required = false) Boolean mobile,
            @RequestParam(required = false) MemberStatus status, @RequestParam(required = false) Boolean transferRequired,
            @RequestParam(required = false) String q, @RequestParam(required = false) String idNumber,
            @RequestParam(required = false) List<String> sort, @RequestHeader(HttpHeaders.ACCEPT) String accept, DataScope scope) {
        MemberFilter filter = new MemberFilter(organizationId, partyOrganizationId, stage, street, mobile, status, transferRequired,
                q, idNumber);
        var order = MemberSort.parse(sort);
        return registry.count(filter, scope).flatMap(total -> {
            if (total > exportMaxRows) {
                return Mono.error(new TooLargeException(total + " members match; an export holds at most " + exportMaxRows
                        + ": narrow the filters (street, partyOrganizationId, stage …)"));
            }
            return registry.all(filter, order, scope).map(m -> row(personalData.response(m, scope), district)).collectList();
        }).map(rows -> Spreadsheets.export(MediaType.parseMediaTypes(accept), "党员名册", new Table("党员名册", EXPORT_HEADERS, rows)));
    }

    private static List<Object> row(MemberResponse m, District district) {
        return new ArrayList<>(Arrays.asList(m.name(), m.gender() == null ? null : m.gender().label(), m.birthDate(), m.birthYear(),
                m.idNumber(), m.phone(), m.education(), m.organizationId(),
                district.streets().getOrDefault(m.street(), m.street()), m.partyOrganizationId(),
                m.partyOrganizationSince(), m.stage().label(), m.appliedOn(), m.activistOn(), m.targetOn(), m.admittedOn(),
                m.confirmedOn(), m.status() == null ? null : m.status().label(), m.mobile() != null ? "是" : "否",
                m.transferRequired() ? "是" : "否"));
    }

    private ResponseEntity<MemberResponse> withETag(Member m, DataScope scope) {
        return ResponseEntity.ok().header(HttpHeaders.ETAG, Versions.etag(m.version())).body(personalData.response(m, scope));
    }
}
