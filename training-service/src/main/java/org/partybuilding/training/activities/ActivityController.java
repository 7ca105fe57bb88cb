package org.partybuilding.training.activities;

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
import org.partybuilding.training.context.Directory;
import org.partybuilding.training.context.KnownMember;
import org.partybuilding.training.context.KnownPartyOrganization;
import org.partybuilding.training.domain.ActivityKind;
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
@RequestMapping("/api/training/activities")
class ActivityController {

    private static final List<String> EXPORT_HEADERS = List.of("党组织", "街道", "类型", "日期", "主题", "主讲人", "书记讲党课",
            "参加人数", "请假人数", "应到党员", "达到规定人数", "学时");

    private final ActivityService activities;
    private final Directory directory;
    private final District district;

    ActivityController(ActivityService activities, Directory directory, District district) {
        this.activities = activities;
        this.directory = directory;
        this.district = district;
    }

    @PostMapping
    Mono<ResponseEntity<ActivityView>> record(@Valid @RequestBody RecordActivity body, DataScope scope) {
        return activities.record(body, scope).map(a -> ResponseEntity.created(URI.create("/api/training/activities/" + a.id()))
                .body(ActivityView.of(a)));
    }

    @GetMapping("/{id}/history")
    Mono<PageResponse<AuditRecord>> history(@PathVariable String id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, DataScope scope) {
        return activities.history(id, PageQuery.of(page, size), scope);
    }

    @GetMapping("/{id}")
    Mono<ActivityView> read(@PathVariable String id, DataScope scope) {
        return activities.find(id, scope).map(ActivityView::of);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<PageResponse<ActivityView>> list(@RequestParam(required = false) String partyOrganizationId,
            @RequestParam(required = false) String street, @RequestParam(required = false) ActivityKind kind,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String flag,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, DataScope scope) {
        return activities.list(partyOrganizationId, street, kind, year, flag, PageQuery.of(page, size), scope)
                .map(result -> result.map(ActivityView::of));
    }

    /** The list as CSV or XLSX: every activity of the filters within the caller's scope, newest first, people by name. */
    @GetMapping(produces = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    Mono<ResponseEntity<byte[]>> export(@RequestParam(required = false) String partyOrganizationId,
            @RequestParam(required = false) String street, @RequestParam(required = false) ActivityKind kind,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String flag,
            @RequestHeader(HttpHeaders.ACCEPT) String accept, DataScope scope) {
        return activities.all(partyOrganizationId, street, kind, year, flag, scope).map(this::row).collectList()
                .map(rows -> Spreadsheets.export(MediaType.parseMediaTypes(accept), "组织生活", new Table("组织生活", EXPORT_HEADERS, rows)));
    }

    private List<Object> row(Activity a) {
        return new ArrayList<>(Arrays.asList(
                directory.partyOrganization(a.partyOrganizationId()).map(KnownPartyOrganization::name).orElse(""),
                district.streets().getOrDefault(a.street(), a.street()), a.kind().label(), a.heldOn(), a.topic(),
                a.lecturerMemberId() == null ? null : directory.member(a.lecturerMemberId()).map(KnownMember::name).orElse(""),
                a.lecturedBySecretary() ? "是" : "否", a.attendeeIds().size(), a.absentees().size(), a.partyMembers(),
                a.quorum() == null ? null : a.quorum() ? "是" : "否", a.hours()));
    }
}
