package org.partybuilding.branch.annual;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partybuilding.branch.coverage.CoverageFilter;
import org.partybuilding.branch.coverage.CoverageService;
import org.partybuilding.branch.domain.Formation;
import org.partybuilding.branch.partyorganization.PartyOrganization;
import org.partybuilding.branch.standardization.Standardization;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.annual.AnnualPeriod;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.partybuilding.platform.spreadsheet.Table;
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
 * {@code GET /api/branches/reports/annual?year=&street=}: coverage at the start and end of the year, party organizations
 * established and dissolved, six haves and ratings. The current year's end figures are the coverage and standardization
 * reports themselves. District-wide readers and a street admin (its street).
 */
@RestController
@org.springframework.boot.context.properties.EnableConfigurationProperties(AnnualSettings.class)
@Tag(name = "annual report", description = "Annual report to the district committee (每年向区委报告)")
class BranchAnnualController {

    private final CoverageService coverage;
    private final CoverageDays days;
    private final AnnualSettings settings;
    private final Standardization standardization;
    private final ReactiveMongoTemplate mongo;
    private final District district;
    private final Clock clock;

    BranchAnnualController(CoverageService coverage, CoverageDays days, AnnualSettings settings, Standardization standardization,
            ReactiveMongoTemplate mongo, District district, Clock clock) {
        this.coverage = coverage;
        this.days = days;
        this.settings = settings;
        this.standardization = standardization;
        this.mongo = mongo;
        this.district = district;
        this.clock = clock;
    }

    @GetMapping(value = "/api/branches/reports/annual", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The party-organization section of the annual report: coverage at start and end, established, "
            + "dissolved, six haves and ratings")
    Mono<BranchAnnualSection> annual(@RequestParam(required = false) Integer year, @RequestParam(required = false) String street,
            DataScope scope) {
        return Mono.defer(() -> section(year, street, scope));
    }

    @GetMapping(value = "/api/branches/reports/annual", produces = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    Mono<ResponseEntity<byte[]>> export(@RequestParam(required = false) Integer year, @RequestParam(required = false) String street,
            @RequestHeader(HttpHeaders.ACCEPT) String accept, DataScope scope) {
        return Mono.defer(() -> section(year, street, scope))
                .map(s -> Spreadsheets.export(MediaType.parseMediaTypes(accept), "annual-branches-" + s.year(), tables(s)));
    }

    private Mono<BranchAnnualSection> section(Integer year, String street, DataScope scope) {
        AnnualPeriod period = AnnualPeriod.of(year, street, district, clock);
        LocalDate today = period.today();
        int y = period.year();
        String scoped = scope.streetToRead(period.street());
        LocalDate first = period.firstDay();
        LocalDate last = period.lastDay();
        boolean current = period.current();
        // the year-start: recorded on 1 January, or (the platform was down that day) within the tolerance after it
        Mono<java.util.Optional<BranchAnnualSection.Coverage>> start = days.record()
                .then(days.firstBetween(first, first.plusDays(settings.yearStartToleranceDays())))
                .map(d -> java.util.Optional.of(coverageOf(d, scoped))).defaultIfEmpty(java.util.Optional.empty());
        Mono<java.util.Optional<BranchAnnualSection.Coverage>> end = current
                ? coverage.report(new CoverageFilter(scoped, null, null), scope)
                        .map(r -> java.util.Optional.of(new BranchAnnualSection.Coverage(today, CoverageLine.of(r))))
                : days.lastBetween(first, last).map(d -> java.util.Optional.of(coverageOf(d, scoped)))
                        .defaultIfEmpty(java.util.Optional.empty());
        Mono<BranchAnnualSection.Standardization> standing = standardization.report(scoped, scope)
                .map(r -> new BranchAnnualSection.Standardization(today, r.partyOrganizations(), r.meetingAllSixHaves(),
                        r.shareMeetingAllSixHaves(), r.sixHaves(), r.ratings()));
        Criteria inStreet = scoped == null ? new Criteria() : Criteria.where("street").is(scoped);
        Mono<Map<String, Integer>> established = byFormation(Query.query(new Criteria().andOperator(inStreet,
                Criteria.where("establishedOn").gte(first).lte(last))));
        Mono<Map<String, Integer>> dissolved = byFormation(Query.query(new Criteria().andOperator(inStreet,
                Criteria.where("dissolvedOn").gte(first).lte(last))));
        return Mono.zip(start, end, established, dissolved, standing).map(t -> new BranchAnnualSection(y, scoped,
                scoped == null ? null : district.streets().get(scoped), today, t.getT1().orElse(null), t.getT2().orElse(null),
                t.getT3(), t.getT4(), t.getT5()));
    }

    private static BranchAnnualSection.Coverage coverageOf(CoverageDay day, String street) {
        CoverageLine line = street == null ? day.district() : day.streets() == null ? null : day.streets().get(street);
        return line == null ? null : new BranchAnnualSection.Coverage(day.day(), line);
    }

    private Mono<Map<String, Integer>> byFormation(Query query) {
        query.fields().include("formation");
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("TOTAL", 0);
        for (Formation f : Formation.values()) {
            counts.put(f.name(), 0);
        }
        return mongo.find(query, org.bson.Document.class, PartyOrganization.COLLECTION).doOnNext(d -> {
            counts.merge("TOTAL", 1, Integer::sum);
            counts.merge(String.valueOf(d.get("formation")), 1, Integer::sum);
        }).then(Mono.fromSupplier(() -> counts));
    }

    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("TOTAL", "合计"), Map.entry("SINGLE", "单独建"),
            Map.entry("JOINT", "联合建"), Map.entry("AFFILIATED", "挂靠建"), Map.entry("MODEL", "示范"), Map.entry("STANDARD", "达标"),
            Map.entry("WEAK", "软弱涣散"), Map.entry("UNRATED", "未评定"), Map.entry("plaque", "牌匾"), Map.entry("flag", "党旗"),
            Map.entry("activityRoom", "活动室"), Map.entry("archiveCabinet", "档案柜"), Map.entry("avEquipment", "电教设备"),
            Map.entry("publicityBoard", "宣传阵地"));

    static List<Table> tables(BranchAnnualSection s) {
        List<String> figureNames = List.of("社会组织数", "有党员的", "单独建覆盖", "联合建覆盖", "挂靠建覆盖", "仅指导员", "未覆盖",
                "组织覆盖率", "工作覆盖率");
        List<String> headers = new ArrayList<>(List.of("时点", "日期"));
        headers.addAll(figureNames);
        List<List<Object>> coverage = new ArrayList<>();
        coverage.add(coverageRow("年初", s.coverageAtStart()));
        coverage.add(coverageRow("年末", s.coverageAtEnd()));
        List<List<Object>> changes = new ArrayList<>();
        s.established().forEach((k, n) -> changes.add(List.of("新建", LABELS.getOrDefault(k, k), n)));
        s.dissolved().forEach((k, n) -> changes.add(List.of("撤销", LABELS.getOrDefault(k, k), n)));
        List<List<Object>> standard = new ArrayList<>();
        BranchAnnualSection.Standardization st = s.standardization();
        standard.add(java.util.Arrays.asList("党组织数", st.partyOrganizations()));
        standard.add(java.util.Arrays.asList("六个有全部达到", st.meetingAllSixHaves()));
        standard.add(java.util.Arrays.asList("六个有达标率", st.shareMeetingAllSixHaves()));
        st.sixHaves().forEach((k, n) -> standard.add(List.of("六个有：" + LABELS.getOrDefault(k, k), n)));
        st.ratings().forEach((k, n) -> standard.add(List.of("评定：" + LABELS.getOrDefault(k, k), n)));
        return List.of(new Table("党组织覆盖", headers, coverage), new Table("党组织新建与撤销", List.of("变化", "组建方式", "数量"), changes),
                new Table("规范化建设", List.of("项目", "数量"), standard));
    }

    private static List<Object> coverageRow(String when, BranchAnnualSection.Coverage c) {
        if (c == null || c.figures() == null) {
            return java.util.Arrays.asList(when, "未记录");
        }
        CoverageLine f = c.figures();
        return java.util.Arrays.asList(when, c.asOf(), f.activeOrganizations(), f.withMembers(), f.coveredBySingle(), f.coveredByJoint(),
                f.coveredByAffiliated(), f.instructorOnly(), f.uncovered(), f.organizationCoverageRate(), f.workCoverageRate());
    }
}
