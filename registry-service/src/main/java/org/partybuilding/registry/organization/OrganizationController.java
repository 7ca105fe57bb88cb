package org.partybuilding.registry.organization;

import java.net.URI;
import java.util.List;

import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.spreadsheet.ImportReport;
import org.partybuilding.platform.spreadsheet.Uploads;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.partybuilding.platform.web.Versions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/registry/organizations")
class OrganizationController {

    private final OrganizationRegistry registry;
    private final OrganizationImport importer;
    private final DataSize maxImportSize;
    private final int maxImportRows;

    OrganizationController(OrganizationRegistry registry, OrganizationImport importer,
            @Value("${registry.import.max-size:10MB}") DataSize maxImportSize,
            @Value("${registry.import.max-rows:20000}") int maxImportRows) {
        this.registry = registry;
        this.importer = importer;
        this.maxImportSize = maxImportSize;
        this.maxImportRows = maxImportRows;
    }

    /**
     * {@code multipart/form-data} with the register as part {@code file}, CSV or XLSX. Always 200 with
     * the report when the file could be read, even if every row was rejected.
     */
    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ImportReport> importFile(@RequestPart("file") FilePart file, DataScope scope) {
        return Uploads.read(file, maxImportSize, maxImportRows)
                .flatMap(sheet -> importer.importRows(sheet, scope));
    }

    @PostMapping
    Mono<ResponseEntity<OrganizationResponse>> register(@Valid @RequestBody RegisterOrganization body, DataScope scope) {
        return registry.register(body, scope).map(o -> ResponseEntity
                .created(URI.create("/api/registry/organizations/" + o.id()))
                .header(HttpHeaders.ETAG, Versions.etag(o.version()))
                .body(OrganizationResponse.of(o)));
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<OrganizationResponse>> read(@PathVariable String id, DataScope scope) {
        return registry.find(id, scope).map(o -> ResponseEntity.ok()
                .header(HttpHeaders.ETAG, Versions.etag(o.version()))
                .body(OrganizationResponse.of(o)));
    }

    @PutMapping("/{id}")
    Mono<ResponseEntity<OrganizationResponse>> replace(@PathVariable String id, @Valid @RequestBody RegisterOrganization body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, DataScope scope) {
        long expected = Versions.requireIfMatch(ifMatch);
        return registry.update(id, body, expected, scope).map(OrganizationController::withETag);
    }

    @PatchMapping(value = "/{id}", consumes = {"application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE})
    Mono<ResponseEntity<OrganizationResponse>> patch(@PathVariable String id, @RequestBody PatchOrganization body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, DataScope scope) {
        long expected = Versions.requireIfMatch(ifMatch);
        return registry.patch(id, body, expected, scope).map(OrganizationController::withETag);
    }

    @PostMapping("/{id}/deregistration")
    Mono<ResponseEntity<OrganizationResponse>> deregister(@PathVariable String id, @Valid @RequestBody Deregistration body,
            DataScope scope) {
        return registry.deregister(id, body, scope).map(OrganizationController::withETag);
    }

    /** The organization's audit trail, newest first, for whoever may read it. */
    @GetMapping("/{id}/history")
    Mono<PageResponse<AuditRecord>> history(@PathVariable String id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, DataScope scope) {
        return registry.history(id, PageQuery.of(page, size), scope);
    }

    private static ResponseEntity<OrganizationResponse> withETag(Organization o) {
        return ResponseEntity.ok().header(HttpHeaders.ETAG, Versions.etag(o.version())).body(OrganizationResponse.of(o));
    }

    @GetMapping
    Mono<PageResponse<OrganizationResponse>> list(@RequestParam(required = false) String street,
            @RequestParam(required = false) OrganizationType type, @RequestParam(required = false) String industry,
            @RequestParam(required = false) OrganizationStatus status, @RequestParam(required = false) String q,
            @RequestParam(required = false) List<String> sort,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, DataScope scope) {
        PageQuery pageQuery = PageQuery.of(page, size);
        return registry.list(new OrganizationFilter(street, type, industry, status, q), OrganizationSort.parse(sort), pageQuery, scope)
                .map(result -> result.map(OrganizationResponse::of));
    }
}
