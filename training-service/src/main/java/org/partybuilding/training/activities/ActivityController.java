package org.partybuilding.training.activities;

import java.net.URI;

import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.partybuilding.training.domain.ActivityKind;
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
@RequestMapping("/api/training/activities")
class ActivityController {

    private final ActivityService activities;

    ActivityController(ActivityService activities) {
        this.activities = activities;
    }

    @PostMapping
    Mono<ResponseEntity<ActivityView>> record(@Valid @RequestBody RecordActivity body, DataScope scope) {
        return activities.record(body, scope).map(a -> ResponseEntity.created(URI.create("/api/training/activities/" + a.id()))
                .body(ActivityView.of(a)));
    }

    @GetMapping("/{id}")
    Mono<ActivityView> read(@PathVariable String id, DataScope scope) {
        return activities.find(id, scope).map(ActivityView::of);
    }

    @GetMapping
    Mono<PageResponse<ActivityView>> list(@RequestParam(required = false) String partyOrganizationId,
            @RequestParam(required = false) String street, @RequestParam(required = false) ActivityKind kind,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String flag,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, DataScope scope) {
        return activities.list(partyOrganizationId, street, kind, year, flag, PageQuery.of(page, size), scope)
                .map(result -> result.map(ActivityView::of));
    }
}
