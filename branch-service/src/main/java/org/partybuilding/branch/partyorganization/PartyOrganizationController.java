package org.partybuilding.branch.partyorganization;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.partybuilding.branch.domain.Formation;
import org.partybuilding.branch.domain.PartyOrganizationType;
import org.partybuilding.branch.organization.Organizations;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.partybuilding.platform.spreadsheet.Table;
import org.partybuilding.platform.web.ListSort;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.partybuilding.platform.web.Versions;
import org.springframework.data.domain.Sort;
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

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/branches")
@Tag(name = "party organizations", description = "Party organizations (党组织): establish, read, change, dissolve")
class PartyOrganizationController {

    /** The columns the list sorts by ({@code sort=field,asc|desc}); by name when none is asked. */
    static final ListSort SORT = ListSort.of(List.of("name", "type", "formation", "street", "industry", "superior",
            "establishedOn", "status", "dissolvedOn", "electedOn", "termEndsOn", "rating"), Sort.Order.asc("name"));

    private static final List<String> EXPORT_HEADERS = List.of("党组织名称", "类型", "组建方式", "所在社会组织", "街道", "行业",
            "上级党组织", "成立日期", "状态", "撤销日期", "换届选举日期", "任期届满日期", "六有齐全", "评定等次", "正式党员", "预备党员");

    private final PartyOrganizations partyOrganizations;
    private final Organizations organizations;
    private final District district;

    PartyOrganizationController(PartyOrganizations partyOrganizations, Organizations organizations, District district) {
        this.partyOrganizations = partyOrganizations;
        this.organizations = organizations;
        this.district = district;
    }

    @PostMapping
    @Operation(summary = "Establish a party organization; rules 1, 2 and 4 are checked against member counts (422)")
    Mono<ResponseEntity<PartyOrganizationResponse>> establish(@Valid @RequestBody EstablishPartyOrganization body, DataScope scope) {
        return partyOrganizations.establish(body, scope).flatMap(partyOrganizations::response)
                .map(p -> ResponseEntity.created(URI.create("/api/branches/" + p.id()))
                        .header(HttpHeaders.ETAG, Versions.etag(p.version())).body(p));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Party organizations in the caller's scope, by name or in the order of sort=field,asc|desc")
    Mono<PageResponse<PartyOrganizationResponse>> list(@RequestParam(required = false) String street,
            @RequestParam(required = false) PartyOrganizationType type, @RequestParam(required = false) Formation formation,
            @RequestParam(required = false) PartyOrganizationStatus status, @RequestParam(required = false) String organizationId,
            @RequestParam(required = false) Rating rating, @RequestParam(required = false) String q,
            @RequestParam(required = false) List<String> sort,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, DataScope scope) {
        PartyOrganizationFilter filter = PartyOrganizationFilter.of(street, type, formation, status, organizationId, rating, q);
        return partyOrganizations.list(filter, SORT.parse(sort), PageQuery.of(page, size), scope);
    }

    /** The list as CSV or XLSX: every party organization the filters select within the caller's scope, names not ids. */
    @GetMapping(produces = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    Mono<ResponseEntity<byte[]>> export(@RequestParam(required = false) String street,
            @RequestParam(required = false) PartyOrganizationType type, @RequestParam(required = false) Formation formation,
            @RequestParam(required = false) PartyOrganizationStatus status, @RequestParam(required = false) String organizationId,
            @RequestParam(required = false) Rating rating, @RequestParam(required = false) String q,
            @RequestParam(required = false) List<String> sort,
            @Parameter(hidden = true) @RequestHeader(HttpHeaders.ACCEPT) String accept, DataScope scope) {
        PartyOrganizationFilter filter = PartyOrganizationFilter.of(street, type, formation, status, organizationId, rating, q);
        return partyOrganizations.all(filter, SORT.parse(sort), scope).flatMap(all -> organizations
                .namesOf(all.stream().flatMap(p -> p.organizationIds().stream()).collect(Collectors.toSet()))
                .map(names -> all.stream().map(p -> row(p, names)).toList()))
                .map(rows -> Spreadsheets.export(MediaType.parseMediaTypes(accept), "党组织名册",
                        new Table("党组织名册", EXPORT_HEADERS, rows)));
    }

    private List<Object> row(PartyOrganizationResponse p, Map<String, String> organizationNames) {
        return new ArrayList<>(Arrays.asList(p.name(), p.type().label(), p.formation().label(),
                p.organizationIds().stream().map(id -> organizationNames.getOrDefault(id, "")).collect(Collectors.joining("、")),
                district.streets().getOrDefault(p.street(), p.street()),
                p.industry() == null ? null : district.industryNames().getOrDefault(p.industry(), p.industry()), p.superior(),
                p.establishedOn(), p.status().label(), p.dissolvedOn(), p.electedOn(), p.termEndsOn(), p.meetsSixHaves() ? "是" : "否",
                p.rating() == null ? null : p.rating().label(), p.members().formal(), p.members().probationary()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A party organization with its members (formal, probationary) from member events")
    Mono<ResponseEntity<PartyOrganizationResponse>> read(@PathVariable String id, DataScope scope) {
        return partyOrganizations.find(id, scope).flatMap(this::withETag);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The party organization's audit trail, newest first: who changed what, when and why")
    Mono<PageResponse<AuditRecord>> history(@PathVariable String id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, DataScope scope) {
        return partyOrganizations.history(id, PageQuery.of(page, size), scope);
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
