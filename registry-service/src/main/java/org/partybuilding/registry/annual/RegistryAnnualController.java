package org.partybuilding.registry.annual;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partybuilding.platform.district.District;
import org.partybuilding.platform.annual.AnnualPeriod;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.partybuilding.platform.spreadsheet.Table;
import org.partybuilding.registry.organization.Organization;
import org.partybuilding.registry.organization.OrganizationStatus;
import org.partybuilding.registry.organization.OrganizationType;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/registry/reports/annual?year=&street=}: organizations at the start and end of the year, registered and
 * deregistered in it. District-wide readers and a street admin (its street).
 */
@RestController
@Tag(name = "annual report", description = "Annual report to the district committee (每年向区委报告)")
class RegistryAnnualController {

    private final ReactiveMongoTemplate mongo;
    private final District district;
    private final Clock clock;

    RegistryAnnualController(ReactiveMongoTemplate mongo, District district, Clock clock) {
        this.mongo = mongo;
        this.district = district;
        this.clock = clock;
    }

    @GetMapping(value = "/api/registry/reports/annual", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The registry section of the annual report: organizations at start and end, registered and deregistered")
    Mono<RegistryAnnualSection> annual(@RequestParam(required = false) Integer year, @RequestParam(required = false) String street,
            DataScope scope) {
        return Mono.defer(() -> section(year, street, scope));
    }

    @GetMapping(value = "/api/registry/reports/annual", produces = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    Mono<ResponseEntity<byte[]>> export(@RequestParam(required = false) Integer year, @RequestParam(required = false) String street,
            @RequestHeader(HttpHeaders.ACCEPT) String accept, DataScope scope) {
        return Mono.defer(() -> section(year, street, scope))
                .map(s -> Spreadsheets.export(MediaType.parseMediaTypes(accept), "annual-registry-" + s.year(), tables(s)));
    }

    private Mono<RegistryAnnualSection> section(Integer year, String street, DataScope scope) {
        AnnualPeriod period = AnnualPeriod.of(year, street, district, clock);
        String scoped = scope.streetToRead(period.street());
        int y = period.year();
        LocalDate startOn = period.startOn();
        LocalDate endOn = period.endOn();
        LocalDate today = period.today();
        Query query = Query.query(scoped == null ? new Criteria() : Criteria.where("street").is(scoped));
        query.fields().include("registeredOn", "status", "deregisteredOn", "street", "type");
        RegistryAnnualRules.Tally total = new RegistryAnnualRules.Tally();
        Map<String, RegistryAnnualRules.Tally> byType = new LinkedHashMap<>();
        for (OrganizationType t : OrganizationType.values()) {
            byType.put(t.name(), new RegistryAnnualRules.Tally());
        }
        Map<String, RegistryAnnualRules.Tally> byStreet = new LinkedHashMap<>();
        if (scoped == null) {
            district.streets().keySet().forEach(s -> byStreet.put(s, new RegistryAnnualRules.Tally()));
        } else {
            byStreet.put(scoped, new RegistryAnnualRules.Tally());
        }
        return mongo.find(query, org.bson.Document.class, Organization.COLLECTION).doOnNext(d -> {
            LocalDate registeredOn = date(d.get("registeredOn"));
            boolean deregistered = OrganizationStatus.DEREGISTERED.name().equals(d.getString("status"));
            LocalDate deregisteredOn = date(d.get("deregisteredOn"));
            total.add(registeredOn, deregistered, deregisteredOn, y, startOn, endOn);
            String type = d.getString("type");
            if (type != null) {
                byType.computeIfAbsent(type, k -> new RegistryAnnualRules.Tally()).add(registeredOn, deregistered, deregisteredOn, y,
                        startOn, endOn);
            }
            byStreet.computeIfAbsent(d.getString("street"), k -> new RegistryAnnualRules.Tally()).add(registeredOn, deregistered,
                    deregisteredOn, y, startOn, endOn);
        }).then(Mono.fromSupplier(() -> {
            Map<String, RegistryAnnualSection.Figures> types = new LinkedHashMap<>();
            byType.forEach((k, v) -> types.put(k, v.figures()));
            List<RegistryAnnualSection.StreetFigures> streets = new ArrayList<>();
            byStreet.forEach((k, v) -> streets.add(new RegistryAnnualSection.StreetFigures(k, district.streets().get(k), v.figures())));
            return new RegistryAnnualSection(y, scoped, scoped == null ? null : district.streets().get(scoped), today, startOn, endOn,
                    total.figures(), types, streets);
        }));
    }

    /** A date as the document holds it (Spring Data writes a {@code LocalDate} as a UTC midnight date). */
    private static LocalDate date(Object value) {
        if (value instanceof java.util.Date date) {
            return date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        return value instanceof String text ? LocalDate.parse(text) : null;
    }

    private static final Map<String, String> TYPES = Map.of("SOCIAL_GROUP", "社会团体", "PRIVATE_NON_ENTERPRISE", "民办非企业单位",
            "FOUNDATION", "基金会");

    static List<Table> tables(RegistryAnnualSection s) {
        List<String> headers = List.of("分组", "名称", "年初（" + s.startOn() + "）", "年末（" + s.endOn() + "）", "年内登记", "年内注销");
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("合计", null, s.total()));
        s.byType().forEach((type, f) -> rows.add(row("类型", TYPES.getOrDefault(type, type), f)));
        s.byStreet().forEach(f -> rows.add(row("街道", f.streetName() == null ? f.street() : f.streetName(), f.figures())));
        return List.of(new Table("社会组织", headers, rows));
    }

    private static List<Object> row(String group, String name, RegistryAnnualSection.Figures f) {
        return java.util.Arrays.asList(group, name, f.activeAtStart(), f.activeAtEnd(), f.registered(), f.deregistered());
    }
}
