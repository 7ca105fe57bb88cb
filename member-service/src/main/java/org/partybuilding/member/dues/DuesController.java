package org.partybuilding.member.dues;

import java.net.URI;

import org.partybuilding.platform.security.DataScope;
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
class DuesController {

    private final MemberDues dues;

    DuesController(MemberDues dues) {
        this.dues = dues;
    }

    @GetMapping("/api/members/{id}/dues")
    Mono<DuesView> dues(@PathVariable String id, @RequestParam String month, DataScope scope) {
        return dues.dues(id, month, scope);
    }

    /** 201 with the month's dues as recorded; a second payment for the month is 409. */
    @PostMapping("/api/members/{id}/dues-payments")
    Mono<ResponseEntity<DuesView>> pay(@PathVariable String id, @Valid @RequestBody DuesPaymentRequest body, DataScope scope) {
        return dues.pay(id, body, scope).map(view -> ResponseEntity
                .created(URI.create("/api/members/" + id + "/dues?month=" + view.month())).body(view));
    }
}
