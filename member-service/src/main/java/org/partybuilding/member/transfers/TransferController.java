package org.partybuilding.member.transfers;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.partybuilding.member.context.Context;
import org.partybuilding.member.members.Transfer;
import org.partybuilding.member.members.Transfer.TransferState;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.partybuilding.platform.spreadsheet.Table;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
class TransferController {

    private static final List<String> EXPORT_HEADERS = List.of("党员姓名", "街道", "转接类型", "转出党组织", "转入党组织", "转往（区外）",
            "转入来源（区外）", "状态", "申请日期", "办结日期", "原因");

    private final RelationshipTransfers transfers;
    private final Context context;
    private final District district;

    TransferController(RelationshipTransfers transfers, Context context, District district) {
        this.transfers = transfers;
        this.context = context;
        this.district = district;
    }

    @PostMapping("/api/members/{id}/transfers")
    Mono<ResponseEntity<TransferView>> request(@PathVariable String id, @Valid @RequestBody TransferRequest body, DataScope scope) {
        return transfers.request(id, body, scope).map(view -> ResponseEntity
                .created(URI.create("/api/members/transfers?memberId=" + id)).body(view));
    }

    @PostMapping("/api/members/transfers/{transferId}/completion")
    Mono<TransferView> complete(@PathVariable String transferId, @Valid @RequestBody(required = false) TransferOutcome body,
            DataScope scope) {
        return transfers.complete(transferId, body, scope);
    }

    @PostMapping("/api/members/transfers/{transferId}/rejection")
    Mono<TransferView> reject(@PathVariable String transferId, @Valid @RequestBody(required = false) TransferOutcome body,
            DataScope scope) {
        return transfers.reject(transferId, body, scope);
    }

    @PostMapping("/api/members/transfers/{transferId}/cancellation")
    Mono<TransferView> cancel(@PathVariable String transferId, @Valid @RequestBody(required = false) TransferOutcome body,
            DataScope scope) {
        return transfers.cancel(transferId, body, scope);
    }

    @GetMapping(value = "/api/members/transfers", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<PageResponse<TransferView>> list(@RequestParam(required = false) TransferState state,
            @RequestParam(required = false) String partyOrganizationId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, DataScope scope) {
        PageQuery query = PageQuery.of(page, size);
        return transfers.list(state, partyOrganizationId, scope).collectList().map(all -> PageResponse.of(
                all.stream().skip(query.offset()).limit(query.size()).toList(), query, all.size()));
    }

    /** The list as CSV or XLSX: every transfer of the filters in the caller's scope, newest first, party organizations by name. */
    @GetMapping(value = "/api/members/transfers", produces = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    Mono<ResponseEntity<byte[]>> export(@RequestParam(required = false) TransferState state,
            @RequestParam(required = false) String partyOrganizationId, @RequestHeader(HttpHeaders.ACCEPT) String accept,
            DataScope scope) {
        return transfers.list(state, partyOrganizationId, scope).collectList()
                .flatMap(all -> context.partyOrganizationNames(all.stream()
                                .flatMap(v -> Stream.of(v.transfer().fromPartyOrganizationId(), v.transfer().toPartyOrganizationId()))
                                .filter(Objects::nonNull).collect(Collectors.toSet()))
                        .map(names -> all.stream().map(v -> row(v, names)).toList()))
                .map(rows -> Spreadsheets.export(MediaType.parseMediaTypes(accept), "组织关系转接",
                        new Table("组织关系转接", EXPORT_HEADERS, rows)));
    }

    private List<Object> row(TransferView v, Map<String, String> names) {
        Transfer t = v.transfer();
        return new ArrayList<>(Arrays.asList(v.memberName(), district.streets().getOrDefault(v.street(), v.street()), t.kind().label(),
                name(t.fromPartyOrganizationId(), names), name(t.toPartyOrganizationId(), names), t.destination(), t.from(),
                t.state().label(), t.requestedOn(), t.finishedOn(), t.reason()));
    }

    private static String name(String partyOrganizationId, Map<String, String> names) {
        return partyOrganizationId == null ? null : names.getOrDefault(partyOrganizationId, "");
    }
}
