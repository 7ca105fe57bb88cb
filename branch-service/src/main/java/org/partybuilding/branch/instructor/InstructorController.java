package org.partybuilding.branch.instructor;

import java.net.URI;

import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/branches/instructors")
@Tag(name = "instructors", description = "Party-building instructors (党建工作指导员) for organizations without members (rule 3)")
class InstructorController {

    private final Instructors instructors;

    InstructorController(Instructors instructors) {
        this.instructors = instructors;
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

    @GetMapping
    @Operation(summary = "Instructors in the caller's scope; filters street, organizationId")
    Mono<PageResponse<InstructorResponse>> list(@RequestParam(required = false) String street,
            @RequestParam(required = false) String organizationId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, DataScope scope) {
        return instructors.list(street == null || street.isBlank() ? null : street.trim(), organizationId,
                PageQuery.of(page, size), scope);
    }
}
