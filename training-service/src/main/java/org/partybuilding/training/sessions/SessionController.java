package org.partybuilding.training.sessions;

import java.net.URI;
import java.util.List;

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

import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/training/sessions")
class SessionController {

    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @PostMapping
    Mono<ResponseEntity<SessionView>> create(@Valid @RequestBody CreateSession body, DataScope scope) {
        return sessions.create(body, scope).map(s -> ResponseEntity.created(URI.create("/api/training/sessions/" + s.id()))
                .body(SessionView.of(s)));
    }

    @GetMapping("/{id}/history")
    Mono<PageResponse<AuditRecord>> history(@PathVariable String id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, DataScope scope) {
        return sessions.history(id, PageQuery.of(page, size), scope);
    }

    @GetMapping("/{id}")
    Mono<SessionView> read(@PathVariable String id, DataScope scope) {
        return sessions.find(id, scope).map(SessionView::of);
    }

    /** The courses in the caller's scope: the district's own and its street's (see {@code TrainingAccess.courseScope}). */
    @GetMapping
    Mono<PageResponse<SessionView>> list(@RequestParam(required = false) TrainingKind kind,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String street,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, DataScope scope) {
        return sessions.list(kind, year, street, PageQuery.of(page, size), scope).map(result -> result.map(SessionView::of));
    }

    @PostMapping("/{id}/attendance")
    Mono<AttendanceResult> attend(@PathVariable String id, @Valid @RequestBody RecordAttendance body, DataScope scope) {
        return sessions.attend(id, body, scope);
    }

    @GetMapping("/{id}/attendance")
    Mono<List<AttendanceView>> attendance(@PathVariable String id, DataScope scope) {
        return sessions.attendance(id, scope).map(list -> list.stream().map(AttendanceView::of).toList());
    }
}
