package org.partybuilding.branch.coverage;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.partybuilding.platform.metrics.ReadModelGauge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Tags;
import reactor.core.publisher.Mono;

/**
 * The dashboards' figures of this service, from the same district-wide coverage report the API gives (computed
 * in memory from {@link DistrictFacts}, once per refresh for all three gauges): coverage rates of the district and
 * per street, and the gap list counted by reason.
 */
@Configuration(proxyBeanMethods = false)
class CoverageGauges {

    static final String RATE = "platform.branch.coverage.ratio";
    static final String STREET_RATE = "platform.branch.coverage.street.ratio";
    static final String GAPS = "platform.branch.coverage.gaps";

    private final Mono<CoverageReport> districtReport;

    CoverageGauges(CoverageService coverage, DistrictFacts facts) {
        // the three gauges are refreshed one after the other: they share one report
        this.districtReport = Mono.defer(() -> facts.current().map(snapshot -> coverage.report(snapshot, new CoverageFilter(null, null, null))))
                .cache(report -> Duration.ofSeconds(5), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    @Bean
    ReadModelGauge coverageRate() {
        return ReadModelGauge.of(RATE, "District coverage (0..1): kind=organization (组织覆盖率) or work (工作覆盖率)",
                () -> districtReport.map(report -> {
                    Map<Tags, Number> rows = new LinkedHashMap<>();
                    put(rows, Tags.of("kind", "organization"), report.organizationCoverageRate());
                    put(rows, Tags.of("kind", "work"), report.workCoverageRate());
                    return rows;
                }));
    }

    @Bean
    ReadModelGauge streetCoverageRate() {
        return ReadModelGauge.of(STREET_RATE, "Coverage (0..1) per street: kind=organization or work",
                () -> districtReport.map(report -> {
                    Map<Tags, Number> rows = new LinkedHashMap<>();
                    for (CoverageReport.StreetCoverage street : report.byStreet()) {
                        put(rows, Tags.of("kind", "organization", "street", street.street()), street.organizationCoverageRate());
                        put(rows, Tags.of("kind", "work", "street", street.street()), street.workCoverageRate());
                    }
                    return rows;
                }));
    }

    @Bean
    ReadModelGauge gapsByReason() {
        return ReadModelGauge.of(GAPS, "Coverage gaps in the district by reason",
                () -> districtReport.map(report -> {
                    Map<GapReason, Long> counts = new EnumMap<>(GapReason.class);
                    for (GapReason reason : GapReason.values()) {
                        counts.put(reason, 0L);
                    }
                    report.gaps().forEach(gap -> counts.merge(gap.reason(), 1L, Long::sum));
                    Map<Tags, Number> rows = new LinkedHashMap<>();
                    counts.forEach((reason, n) -> rows.put(Tags.of("reason", reason.name()), n));
                    return rows;
                }));
    }

    /** A rate without a base (no organizations) is no row rather than a made-up zero. */
    private static void put(Map<Tags, Number> rows, Tags tags, BigDecimal rate) {
        if (rate != null) {
            rows.put(tags, rate.doubleValue());
        }
    }
}
