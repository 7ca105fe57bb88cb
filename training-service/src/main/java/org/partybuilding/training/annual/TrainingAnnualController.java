package org.partybuilding.training.annual;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.partybuilding.platform.district.District;
import org.partybuilding.platform.annual.AnnualPeriod;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.spreadsheet.Spreadsheets;
import org.partybuilding.platform.spreadsheet.Table;
import org.partybuilding.training.compliance.ComplianceReport;
import org.partybuilding.training.compliance.ComplianceService;
import org.partybuilding.training.compliance.Period;
import org.partybuilding.training.statistics.StatisticsService;
import org.partybuilding.training.statistics.TrainingStatistics;
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
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/training/reports/annual?year=&street=}: the section is assembled from the compliance and statistics
 * reports themselves, so its figures are theirs for the same year and street. District-wide readers and a street admin
 * (its street); a branch secretary reports to no district committee.
 */
@RestController
@Tag(name = "annual report", description = "Annual report to the district committee (每年向区委报告)")
class TrainingAnnualController {

    private final ComplianceService compliance;
    private final StatisticsService statistics;
    private final District district;
    private final Clock clock;

    TrainingAnnualController(ComplianceService compliance, StatisticsService statistics, District district, Clock clock) {
        this.compliance = compliance;
        this.statistics = statistics;
        this.district = district;
        this.clock = clock;
    }

    @GetMapping(value = "/api/training/reports/annual", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The training section of the annual report: compliance per quarter and year, person-times and hours")
    Mono<TrainingAnnualSection> annual(@RequestParam(required = false) Integer year, @RequestParam(required = false) String street,
            DataScope scope) {
        return Mono.fromCallable(() -> section(year, street, scope)).subscribeOn(Schedulers.parallel());
    }

    @GetMapping(value = "/api/training/reports/annual", produces = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    Mono<ResponseEntity<byte[]>> export(@RequestParam(required = false) Integer year, @RequestParam(required = false) String street,
            @RequestHeader(HttpHeaders.ACCEPT) String accept, DataScope scope) {
        return Mono.fromCallable(() -> {
            TrainingAnnualSection s = section(year, street, scope);
            return Spreadsheets.export(MediaType.parseMediaTypes(accept), "annual-training-" + s.year(), tables(s));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private TrainingAnnualSection section(Integer year, String street, DataScope scope) {
        AnnualPeriod period = AnnualPeriod.of(year, street, district, clock);
        LocalDate today = period.today();
        int y = period.year();
        String scoped = scope.streetToRead(period.street());
        List<TrainingAnnualSection.Compliance> periods = new ArrayList<>();
        for (Integer quarter : new Integer[] {1, 2, 3, 4, null}) {
            ComplianceReport r = compliance.report(new Period(y, quarter), scoped, null, null, scope);
            periods.add(new TrainingAnnualSection.Compliance(r.period(), r.total().partyOrganizations(), r.total().compliant(),
                    r.total().behind(), r.total().complianceRate()));
        }
        TrainingStatistics stats = statistics.statistics(y, scoped, null, 0, scope);
        return new TrainingAnnualSection(y, scoped, scoped == null ? null : district.streets().get(scoped), today, periods,
                stats.total());
    }

    static List<Table> tables(TrainingAnnualSection s) {
        List<List<Object>> compliance = new ArrayList<>();
        for (TrainingAnnualSection.Compliance c : s.compliance()) {
            compliance.add(List.of(c.period(), c.partyOrganizations(), c.compliant(), c.behind(), c.complianceRate()));
        }
        TrainingStatistics.Figures f = s.training();
        List<List<Object>> training = List.of(List.of(s.year(), f.partyMembers(), f.personTimes(), f.trainingPersonTimes(),
                f.activityPersonTimes(), f.hours(), f.withoutTraining(), f.belowMinimumHours()));
        return List.of(new Table("组织生活", List.of("期间", "党组织数", "达标", "未达标", "达标率"), compliance),
                new Table("教育培训", List.of("年度", "党员数", "参训人次", "培训人次", "组织生活人次", "学时", "全年未参训党员",
                        "学时未达标党员"), training));
    }
}
