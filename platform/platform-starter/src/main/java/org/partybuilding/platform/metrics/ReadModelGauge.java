package org.partybuilding.platform.metrics;

import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Tags;
import reactor.core.publisher.Mono;

/**
 * A business figure for the dashboards (organizations by status, coverage rates, ...), read from a service's read
 * model every {@code platform.metrics.read-model-refresh} (default 30 s) by {@link ReadModelGauges} — never on a
 * scrape. A service declares one bean per figure; each row (its tags) becomes one time series of the gauge, and a
 * row missing from the next reading disappears.
 *
 * @param name        the meter name, {@code platform.<area>.<figure>} (Prometheus: dots become underscores)
 * @param description what it counts, for {@code # HELP}
 * @param read        reads the current rows: tags → value
 */
public record ReadModelGauge(String name, String description, Supplier<Mono<Map<Tags, Number>>> read) {

    public static ReadModelGauge of(String name, String description, Supplier<Mono<Map<Tags, Number>>> read) {
        return new ReadModelGauge(name, description, read);
    }
}
