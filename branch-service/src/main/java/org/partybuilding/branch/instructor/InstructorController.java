package org.partybuilding.branch.instructor;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.partybuilding.branch.organization.Organizations;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.audit.AuditRecord;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/branches/instructors")
@Tag(name = "instructors", description = "Party-building instructors (党建工作指导员) for organizations without members (rule 3)")
class InstructorController {

    private static final List<String> EXPORT_HEADERS = List.of("姓名", "手机号码", "指导的社会组织", "街道", "选派日期");

    private final Instructors instructors;
    private final Organizations organizations;
    private final District district;

    InstructorController(Instructors instructors, Organizations organizations, District district) {
        this.instructors = instructors;
        this.organizations = organizations;
        this.district = district;
    }

    @PostMapping
    @Operation(summary = "Assign an instructor to organizations without members (422 if one has members)")
    Mono<ResponseEntity<InstructorResponse>> assign(@Valid @RequestBody AssignInstructor body, DataScope scope) {
        return instructors.assign(body, scope).map(i -> ResponseEntity.created(URI.create("/api/branches/instructors/" + i.id()))
                .body(instructors.response(i, scope)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One instructor assignment")
    Mono<InstructorResponse> read(@PathVariable String id, DataScope scope) {
        return instructors.find(id, scope).map(i -> instructors.response(i, scope));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The instructor assignment's audit trail, newest first")
    Mono<PageResponse<AuditRecord>> history(@PathVariable String id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, DataScope scope) {
        return instructors.history(id, PageQuery.of(page, size), scope);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Instructors in the caller's scope; filters street, organizationId")
    Mono<PageResponse<InstructorResponse>> list(@RequestParam(required = false) String street,
            @RequestParam(required = false) String organizationId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, DataScope scope) {
        return instructors.list(blankToNull(street), organizationId, PageQuery.of(page, size), scope);
    }

    /** The list as CSV or XLSX: the organizations and streets by name, the phone masked as the list masks it. */
    @GetMapping(produces = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    Mono<ResponseEntity<byte[]>> export(@RequestParam(required = false) String street,
            @RequestParam(required = false) String organizationId,
            @Parameter(hidden = true) @RequestHeader(HttpHeaders.ACCEPT) String accept, DataScope scope) {
        return instructors.all(blankToNull(street), organizationId, scope).collectList().flatMap(all -> organizations
                .namesOf(all.stream().flatMap(i -> i.organizationIds().stream()).collect(Collectors.toSet()))
                .map(names -> all.stream().map(i -> row(i, names)).toList()))
                .map(rows -> Spreadsheets.export(MediaType.parseMediaTypes(accept), "党建工作指导员",
                        new Table("党建工作指导员", EXPORT_HEADERS, rows)));
    }

    private List<Object> row(InstructorResponse i, Map<String, String> organizationNames) {
        return new ArrayList<>(Arrays.asList(i.name(), i.phone(),
                i.organizationIds().stream().map(id -> organizationNames.getOrDefault(id, "")).collect(Collectors.joining("、")),
                i.streets().stream().map(s -> district.streets().getOrDefault(s, s)).collect(Collectors.joining("、")),
                i.assignedOn()));
    }

    private static String blankToNull(String street) {
        return street == null || street.isBlank() ? null : street.trim();
    }
}
