package org.partybuilding.member.members;

import java.net.URI;

import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.partybuilding.platform.web.Versions;
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

    private final MemberRegistry registry;
    private final PersonalData personalData;

    MemberController(MemberRegistry registry, PersonalData personalData) {
        this.registry = registry;
        this.personalData = personalData;
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

    @PutMapping("/{id}")
    Mono<ResponseEntity<MemberResponse>> replace(@PathVariable String id, @Valid @RequestBody MemberDetails body,
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

    @GetMapping
    Mono<PageResponse<MemberResponse>> list(@RequestParam(required = false) String organizationId,
            @RequestParam(required = false) String partyOrganizationId, @RequestParam(required = false) Stage stage,
            @RequestParam(required = false) String street, @RequestParam(required = false) Boolean mobile,
            @RequestParam(required = false) MemberStatus status, @RequestParam(required = false) Boolean transferRequired,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, DataScope scope) {
        MemberFilter filter = new MemberFilter(organizationId, partyOrganizationId, stage, street, mobile, status, transferRequired);
        return registry.list(filter, PageQuery.of(page, size), scope).map(result -> result.map(m -> personalData.response(m, scope)));
    }

    private ResponseEntity<MemberResponse> withETag(Member m, DataScope scope) {
        return ResponseEntity.ok().header(HttpHeaders.ETAG, Versions.etag(m.version())).body(personalData.response(m, scope));
    }
}
