package org.partybuilding.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.partybuilding.platform.spreadsheet.Table;
import org.partybuilding.platform.web.PageQuery;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * {@code GET /api/<service>/audit} ({@code platform.audit.path}): the service's district-wide trail (操作记录) for
 * {@code district-admin} and {@code auditor}, newest first, filtered by {@code actor}, {@code resource},
 * {@code resourceId}, {@code action} and the time range {@code from}–{@code to} (ISO instants, or dates in the
 * district's time zone, {@code to} inclusive); JSON pages, or every record selected as CSV or XLSX
 * ({@code format=csv|xlsx} or by {@code Accept}). The changes are stored masked as for an auditor.
 */
@RestController
public class AuditTrailController {

    static final List<String> HEADERS = List.of("时间", "操作人", "用户名", "角色", "客户端", "操作", "对象类型", "对象编号",
            "变更内容", "原因");

    private final AuditTrail trail;
    private final Clock clock;

    public AuditTrailController(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @GetMapping(value = "${platform.audit.path}", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    public Mono<ResponseEntity<?>> trail(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String resource, @RequestParam(required = false) String resourceId,
            @RequestParam(required = false) String action, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, DataScope scope) {
        scope.requireAny(Role.DISTRICT_ADMIN, Role.AUDITOR);
        AuditQuery filter = new AuditQuery(actor, resource, resourceId, action, instant("from", from, false),
                instant("to", to, true));
        List<MediaType> exportAs = exportType(format, accept);
        if (exportAs == null) {
            PageQuery pageQuery = PageQuery.of(page, size);
            return trail.search(filter, pageQuery).map(ResponseEntity::ok);
        }
        return trail.all(filter).map(AuditTrailController::row).collectList()
                .map(rows -> Spreadsheets.export(exportAs, "操作记录", new Table("操作记录", HEADERS, rows)));
    }

    /** The export asked for ({@code null}: JSON). */
    private static List<MediaType> exportType(String format, String accept) {
        if (format != null) {
            return switch (format) {
                case "csv" -> List.of(Spreadsheets.TEXT_CSV);
                case "xlsx" -> List.of(Spreadsheets.XLSX);
                case "json" -> null;
                default -> throw new InvalidInputException("format", "must be one of csv, xlsx, json");
            };
        }
        if (accept == null) {
            return null;
        }
        List<MediaType> accepted = MediaType.parseMediaTypes(accept);
        boolean export = accepted.stream().anyMatch(t -> Spreadsheets.XLSX.isCompatibleWith(t) && !t.isWildcardType()
                || Spreadsheets.TEXT_CSV.equalsTypeAndSubtype(t));
        return export ? accepted : null;
    }

    private Instant instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(value.trim());
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(clock.getZone()).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new InvalidInputException(field, "must be an ISO instant (2026-03-31T08:00:00Z) or a date (2026-03-31)");
            }
        }
    }

    static List<Object> row(AuditRecord r) {
        Actor a = r.actor();
        String changes = r.changes().stream()
                .map(c -> c.field() + ": " + (c.before() == null ? "—" : c.before()) + " → " + (c.after() == null ? "—" : c.after()))
                .collect(Collectors.joining("; "));
        return new ArrayList<>(Arrays.asList(r.at().toString(), a == null ? null : a.subject(), a == null ? null : a.username(),
                a == null ? null : String.join(", ", a.roles()), a == null ? null : a.client(), r.action(), r.resource(),
                r.resourceId(), changes, r.reason()));
    }
}
