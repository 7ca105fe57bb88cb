package org.partybuilding.training.sessions;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/training/sessions")
class SessionController {

    private static final List<String> EXPORT_HEADERS = List.of("课程名称", "类型", "主办单位", "街道", "开始日期", "结束日期", "学时",
            "地点");

    private final SessionService sessions;
    private final District district;

    SessionController(SessionService sessions, District district) {
        this.sessions = sessions;
        this.district = district;
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
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<PageResponse<SessionView>> list(@RequestParam(required = false) TrainingKind kind,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String street,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, DataScope scope) {
        return sessions.list(kind, year, street, PageQuery.of(page, size), scope).map(result -> result.map(SessionView::of));
    }

    /** The list as CSV or XLSX: every course of the filters within the caller's scope, newest first. */
    @GetMapping(produces = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    Mono<ResponseEntity<byte[]>> export(@RequestParam(required = false) TrainingKind kind,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String street,
            @RequestHeader(HttpHeaders.ACCEPT) String accept, DataScope scope) {
        return sessions.all(kind, year, street, scope).map(this::row).collectList()
                .map(rows -> Spreadsheets.export(MediaType.parseMediaTypes(accept), "培训班", new Table("培训班", EXPORT_HEADERS, rows)));
    }

    private List<Object> row(TrainingSession s) {
        return new ArrayList<>(Arrays.asList(s.title(), s.kind().label(), s.organizer(),
                s.street() == null ? "区级" : district.streets().getOrDefault(s.street(), s.street()), s.startsOn(), s.endsOn(),
                s.hours(), s.location()));
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
