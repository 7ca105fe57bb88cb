package org.partybuilding.funding.ledger;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.partybuilding.platform.audit.AuditRecord;
import org.partybuilding.platform.audit.AuditTrail;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.problem.NotFoundException;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.web.PageQuery;
import org.partybuilding.platform.web.PageResponse;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** {@code /api/funding/ledger}: the entries (filters {@code fiscalYear}, {@code partyOrganizationId}, {@code kind}, {@code street}) and adjustments. */
@RestController
@RequestMapping("/api/funding/ledger")
class LedgerController {

    private final ReactiveMongoTemplate mongo;
    private final Bookings bookings;
    private final District district;
    private final AuditTrail audit;

    LedgerController(ReactiveMongoTemplate mongo, Bookings bookings, District district, AuditTrail audit) {
        this.audit = audit;
        this.mongo = mongo;
        this.bookings = bookings;
        this.district = district;
    }

    @GetMapping
    Mono<PageResponse<EntryResponse>> list(@RequestParam(required = false) Integer fiscalYear,
            @RequestParam(required = false) String partyOrganizationId, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String street, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, DataScope scope) {
        return Mono.defer(() -> {
            PageQuery paging = PageQuery.of(page, size);
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
            Query query = Query.query(criteria);
            return mongo.count(query, LedgerEntry.class).flatMap(total -> mongo
                    .find(Query.of(query).with(Sort.by("_id")).skip(paging.offset()).limit(paging.size()), LedgerEntry.class)
                    .map(EntryResponse::of).collectList()
                    .map(items -> PageResponse.of(items, paging, total)));
        });
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
        return bookings.adjustment(request, scope).map(entry -> ResponseEntity
                .created(URI.create("/api/funding/ledger?partyOrganizationId=" + entry.partyOrganizationId()))
                .body(EntryResponse.of(entry)));
    }
}
