package org.partybuilding.branch.partyorganization;

import java.net.URI;

import org.partybuilding.branch.domain.Formation;
import org.partybuilding.branch.domain.PartyOrganizationType;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.partybuilding.platform.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/branches")
@Tag(name = "party organizations", description = "Party organizations (党组织): establish, read, change, dissolve")
class PartyOrganizationController {

    private final PartyOrganizations partyOrganizations;

    PartyOrganizationController(PartyOrganizations partyOrganizations) {
        this.partyOrganizations = partyOrganizations;
    }

    @PostMapping
    @Operation(summary = "Establish a party organization; rules 1, 2 and 4 are checked against member counts (422)")
    Mono<ResponseEntity<PartyOrganizationResponse>> establish(@Valid @RequestBody EstablishPartyOrganization body, DataScope scope) {
        return partyOrganizations.establish(body, scope).flatMap(partyOrganizations::response)
                .map(p -> ResponseEntity.created(URI.create("/api/branches/" + p.id()))
                        .header(HttpHeaders.ETAG, Versions.etag(p.version())).body(p));
    }

    @GetMapping
    @Operation(summary = "Party organizations in the caller's scope, by name")
    Mono<PageResponse<PartyOrganizationResponse>> list(@RequestParam(required = false) String street,
            @RequestParam(required = false) PartyOrganizationType type, @RequestParam(required = false) Formation formation,
            @RequestParam(required = false) PartyOrganizationStatus status, @RequestParam(required = false) String organizationId,
            @RequestParam(required = false) Rating rating, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, DataScope scope) {
        String streetFilter = street == null || street.isBlank() ? null : street.trim();
        PartyOrganizationFilter filter = new PartyOrganizationFilter(streetFilter, type, formation, status, organizationId, rating, q);
        return partyOrganizations.list(filter, PageQuery.of(page, size), scope);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A party organization with its members (formal, probationary) from member events")
    Mono<ResponseEntity<PartyOrganizationResponse>> read(@PathVariable String id, DataScope scope) {
        return partyOrganizations.find(id, scope).flatMap(this::withETag);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace name, secretary, committee, election, six haves and rating; rule 5; If-Match required")
    Mono<ResponseEntity<PartyOrganizationResponse>> replace(@PathVariable String id, @Valid @RequestBody PartyOrganizationDetails body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, DataScope scope) {
        long expected = Versions.requireIfMatch(ifMatch);
        return partyOrganizations.replace(id, body, expected, scope).flatMap(this::withETag);
    }

    @PatchMapping(value = "/{id}", consumes = {"application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Merge-patch the same fields; a branch secretary may patch only its own six haves; If-Match required")
    Mono<ResponseEntity<PartyOrganizationResponse>> patch(@PathVariable String id, @RequestBody PartyOrganizationPatch body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, DataScope scope) {
        long expected = Versions.requireIfMatch(ifMatch);
        return partyOrganizations.patch(id, body, expected, scope).flatMap(this::withETag);
    }

    @PostMapping("/{id}/organizations")
    @Operation(summary = "A joint party organization takes in an organization (rule 2); If-Match optional")
    Mono<ResponseEntity<PartyOrganizationResponse>> addOrganization(@PathVariable String id,
            @Valid @RequestBody CoverageAddition body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, DataScope scope) {
        return partyOrganizations.addOrganization(id, body, optionalVersion(ifMatch), scope).flatMap(this::withETag);
    }

    @DeleteMapping("/{id}/organizations/{organizationId}")
    @Operation(summary = "An organization leaves a joint party organization (rule 2 for what remains); If-Match optional")
    Mono<ResponseEntity<PartyOrganizationResponse>> removeOrganization(@PathVariable String id, @PathVariable String organizationId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, DataScope scope) {
        return partyOrganizations.removeOrganization(id, organizationId, optionalVersion(ifMatch), scope).flatMap(this::withETag);
    }

    @PostMapping("/{id}/dissolution")
    @Operation(summary = "Dissolve (撤销) the party organization; its members then need a relationship transfer")
    Mono<ResponseEntity<PartyOrganizationResponse>> dissolve(@PathVariable String id, @Valid @RequestBody Dissolution body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, DataScope scope) {
        return partyOrganizations.dissolve(id, body, optionalVersion(ifMatch), scope).flatMap(this::withETag);
    }

    private Mono<ResponseEntity<PartyOrganizationResponse>> withETag(PartyOrganization p) {
        return partyOrganizations.response(p)
                .map(r -> ResponseEntity.ok().header(HttpHeaders.ETAG, Versions.etag(r.version())).body(r));
    }

    private static Long optionalVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        return Versions.requireIfMatch(ifMatch);
    }
}
