package org.partybuilding.member.transfers;

import java.net.URI;

import org.partybuilding.member.members.Transfer.TransferState;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
class TransferController {

    private final RelationshipTransfers transfers;

    TransferController(RelationshipTransfers transfers) {
        this.transfers = transfers;
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

    @GetMapping("/api/members/transfers")
    Mono<PageResponse<TransferView>> list(@RequestParam(required = false) TransferState state,
            @RequestParam(required = false) String partyOrganizationId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, DataScope scope) {
        PageQuery query = PageQuery.of(page, size);
        return transfers.list(state, partyOrganizationId, scope).collectList().map(all -> PageResponse.of(
                all.stream().skip(query.offset()).limit(query.size()).toList(), query, all.size()));
    }
}
