package org.partybuilding.branch.annual;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.partybuilding.branch.coverage.CoverageFilter;
import org.partybuilding.branch.coverage.CoverageReport;
import org.partybuilding.branch.coverage.CoverageService;
import org.partybuilding.platform.security.DataScope;
import org.partybuilding.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Keeps the day's coverage figures ({@link CoverageDay}): recorded once a day — by the hourly check and by the annual
 * report itself — with an insert-only upsert, so replicas recording the same day keep the first. The year-start figures
 * of a year are those recorded on its first day, or, if the platform recorded none that day, on the earliest day of the
 * year it did (the report says which day).
 */
@Component
@EnableScheduling
public class CoverageDays {

    private static final Logger log = LoggerFactory.getLogger(CoverageDays.class);
    private static final DataScope SYSTEM = new DataScope("branch-service", "branch-service", Set.of(Role.DISTRICT_ADMIN), null, null);

    private final CoverageService coverage;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    CoverageDays(CoverageService coverage, ReactiveMongoTemplate mongo, Clock clock) {
        this.coverage = coverage;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${branch.annual.record-initial-delay:PT1M}", fixedDelayString = "${branch.annual.record-every:PT1H}")
    void recordToday() {
        record().subscribe(day -> { }, failed -> log.warn("Could not record today's coverage figures: {}", failed.toString()));
    }

    /** Today's figures, recorded if they were not yet. */
    public Mono<CoverageDay> record() {
        LocalDate today = LocalDate.now(clock);
        return mongo.findById(today.toString(), CoverageDay.class).switchIfEmpty(Mono.defer(() ->
                coverage.report(new CoverageFilter(null, null, null), SYSTEM).flatMap(report -> {
                    Map<String, CoverageLine> streets = new LinkedHashMap<>();
                    for (CoverageReport.StreetCoverage s : report.byStreet()) {
                        streets.put(s.street(), CoverageLine.of(s));
                    }
                    CoverageDay day = new CoverageDay(today.toString(), today, clock.instant(), CoverageLine.of(report), streets);
                    Update insertOnly = new Update().setOnInsert("day", day.day()).setOnInsert("recordedAt", day.recordedAt())
                            .setOnInsert("district", day.district()).setOnInsert("streets", day.streets());
                    return mongo.findAndModify(Query.query(Criteria.where("_id").is(day.id())), insertOnly,
                            FindAndModifyOptions.options().upsert(true).returnNew(true), CoverageDay.class);
                })));
    }

    /** The first day recorded in {@code [from, to]}, if any. */
    public Mono<CoverageDay> firstBetween(LocalDate from, LocalDate to) {
        return mongo.findOne(Query.query(Criteria.where("day").gte(from).lte(to)).with(Sort.by("day")).limit(1), CoverageDay.class);
    }

    /** The last day recorded in {@code [from, to]}, if any. */
    public Mono<CoverageDay> lastBetween(LocalDate from, LocalDate to) {
        return mongo.findOne(Query.query(Criteria.where("day").gte(from).lte(to)).with(Sort.by(Sort.Direction.DESC, "day")).limit(1),
                CoverageDay.class);
    }
}
