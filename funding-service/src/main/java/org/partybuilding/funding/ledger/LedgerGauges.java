package org.partybuilding.funding.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.partybuilding.platform.metrics.ReadModelGauge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Tags;
import reactor.core.publisher.Mono;

/** The dashboards' figure of this service: yuan booked in the current fiscal (calendar) year by entry kind, from the {@link LedgerTotals} in MongoDB. */
@Configuration(proxyBeanMethods = false)
class LedgerGauges {

    static final String BOOKED = "platform.funding.booked.yuan";

    @Bean
    ReadModelGauge bookedThisFiscalYear(LedgerTotals totals, Clock clock) {
        return ReadModelGauge.of(BOOKED, "Yuan booked in the current fiscal year by kind (STARTUP_GRANT, ANNUAL_WORKING_FUNDS, DUES_RETURN, ADJUSTMENT)",
                () -> Mono.defer(() -> totals.ofYear(LocalDate.now(clock).getYear())).map(cells -> {
                    Map<EntryKind, Long> fen = new EnumMap<>(EntryKind.class);
                    for (EntryKind kind : EntryKind.values()) {
                        fen.put(kind, 0L);
                    }
                    cells.forEach(cell -> fen.merge(cell.key().kind(), cell.fen(), Long::sum));
                    Map<Tags, Number> rows = new LinkedHashMap<>();
                    fen.forEach((kind, amount) -> rows.put(Tags.of("kind", kind.name()), amount / 100.0));
                    return rows;
                }));
    }
}
