package org.partybuilding.funding.ledger;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.partybuilding.funding.context.DistrictState;

import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.audit.AuditTrail;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.problem.NotFoundException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.spreadsheet.Amount;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.partybuilding.platform.spreadsheet.Table;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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

import reactor.core.publisher.Mono;

/**
 * {@code /api/funding/ledger}: the entries (filters {@code fiscalYear}, {@code partyOrganizationId}, {@code kind}, {@code street}),
 * as JSON pages or as CSV/XLSX by {@code Accept}, each with its party organization's name; and adjustments.
 */
@RestController
@RequestMapping("/api/funding/ledger")
class LedgerController {

    private static final List<String> EXPORT_HEADERS = List.of("记账日期", "财政年度", "类别", "党组织", "街道", "金额（元）", "党员人数",
            "调整原因", "记账人");

    private final ReactiveMongoTemplate mongo;
    private final Bookings bookings;
    private final DistrictState state;
    private final District district;
    private final Clock clock;
    private final AuditTrail audit;

    LedgerController(ReactiveMongoTemplate mongo, Bookings bookings, DistrictState state, District district, Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.mongo = mongo;
        this.bookings = bookings;
        this.state = state;
        this.district = district;
        this.clock = clock;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<PageResponse<EntryResponse>> list(@RequestParam(required = false) Integer fiscalYear,
            @RequestParam(required = false) String partyOrganizationId, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String street, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, DataScope scope) {
        return Mono.defer(() -> {
            PageQuery paging = PageQuery.of(page, size);
            Query query = query(fiscalYear, partyOrganizationId, kind, street, scope);
            return mongo.count(query, LedgerEntry.class).flatMap(total -> mongo
                    .find(Query.of(query).with(Sort.by("_id")).skip(paging.offset()).limit(paging.size()), LedgerEntry.class)
                    .collectList()
                    .flatMap(found -> named(found).map(names -> found.stream()
                            .map(entry -> EntryResponse.of(entry, names.get(entry.partyOrganizationId()))).toList()))
                    .map(items -> PageResponse.of(items, paging, total)));
        });
    }

    /** The ledger as CSV or XLSX: every entry of the filters within the caller's scope, party organizations by name. */
    @GetMapping(produces = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    Mono<ResponseEntity<byte[]>> export(@RequestParam(required = false) Integer fiscalYear,
            @RequestParam(required = false) String partyOrganizationId, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String street, @RequestHeader(HttpHeaders.ACCEPT) List<MediaType> accept,
            DataScope scope) {
        return Mono.defer(() -> mongo.find(Query.of(query(fiscalYear, partyOrganizationId, kind, street, scope)).with(Sort.by("_id")),
                        LedgerEntry.class).collectList())
                .flatMap(entries -> named(entries).map(names -> entries.stream().map(e -> row(e, names)).toList()))
                .map(rows -> Spreadsheets.export(accept, "经费台账", new Table("经费台账", EXPORT_HEADERS, rows)));
    }

    private List<Object> row(LedgerEntry e, Map<String, String> names) {
        return new ArrayList<>(Arrays.asList(e.bookedAt() == null ? null : LocalDate.ofInstant(e.bookedAt(), clock.getZone()),
                e.fiscalYear(), e.kind().label(), names.get(e.partyOrganizationId()),
                district.streets().getOrDefault(e.street(), e.street()), Amount.of(e.amount()), e.members(), e.reason(),
                e.bookedBy()));
    }

    /** The names of the entries' party organizations (from branch events; absent while unknown here). */
    private Mono<Map<String, String>> named(List<LedgerEntry> entries) {
        return state.names(entries.stream().map(LedgerEntry::partyOrganizationId).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet()));
    }

    /** The entries the filters select within the caller's scope; a bad filter is a 400 naming each. */
    private Query query(Integer fiscalYear, String partyOrganizationId, String kind, String street, DataScope scope) {
        List<FieldError> errors = new ArrayList<>();
        EntryKind entryKind = null;
        if (kind != null) {
            try {
                entryKind = EntryKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("kind", "must be one of STARTUP_GRANT, ANNUAL_WORKING_FUNDS, DUES_RETURN, ADJUSTMENT"));
            }
        }
        if (street != null && !district.hasStreet(street)) {
            errors.add(new FieldError("street", "is not a street of the district"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String partyOrganization = FundingScope.partyOrganization(scope, partyOrganizationId);
        // A secretary is held to its party organization above; the street only narrows.
        String streetInScope = scope.has(Role.BRANCH_SECRETARY) && !FundingScope.readsDistrict(scope)
                && !scope.has(Role.STREET_ADMIN) ? street : FundingScope.street(scope, street);
        Criteria criteria = new Criteria();
        if (fiscalYear != null) {
            criteria = criteria.and("fiscalYear").is(fiscalYear);
        }
        if (partyOrganization != null) {
            criteria = criteria.and("partyOrganizationId").is(partyOrganization);
        }
        if (entryKind != null) {
            criteria = criteria.and("kind").is(entryKind.name());
        }
        if (streetInScope != null) {
            criteria = criteria.and("street").is(streetInScope);
        }
        return Query.query(criteria);
    }

    /** An entry's audit record (who booked it, with what, why), for whoever may read the entry; another's is 404. */
    @GetMapping("/{id}/history")
    Mono<PageResponse<AuditRecord>> history(@PathVariable String id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, DataScope scope) {
        PageQuery paging = PageQuery.of(page, size);
        return NotFoundException.unlessOutOfScope(mongo.findById(id, LedgerEntry.class), entry -> FundingScope.mayRead(scope, entry),
                        "Ledger entry", id)
                .flatMap(entry -> audit.history(LedgerEntry.COLLECTION, id, paging));
    }

    @PostMapping("/adjustments")
    Mono<ResponseEntity<EntryResponse>> adjust(@RequestBody AdjustmentRequest request, DataScope scope) {
        return bookings.adjustment(request, scope).flatMap(entry -> named(List.of(entry)).map(names -> ResponseEntity
                .created(URI.create("/api/funding/ledger?partyOrganizationId=" + entry.partyOrganizationId()))
                .body(EntryResponse.of(entry, names.get(entry.partyOrganizationId())))));
    }
}
