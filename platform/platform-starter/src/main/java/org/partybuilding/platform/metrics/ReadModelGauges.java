package org.partybuilding.platform.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refreshes every {@link ReadModelGauge} on a schedule, one after the other, and keeps the last rows read: a scrape
 * only reads numbers in memory. A reading that fails or takes longer than {@link #READ_LIMIT} keeps the previous
 * rows (and is counted in {@code platform.metrics.read.failures}).
 */
public class ReadModelGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadModelGauges.class);
    static final Duration READ_LIMIT = Duration.ofSeconds(20);

    private final List<ReadModelGauge> gauges;
    private final MeterRegistry meters;
    private final Duration interval;
    private final Map<String, MultiGauge> registered = new LinkedHashMap<>();
    /** The last values read, per gauge and row: the registered rows read them, so a refresh never re-registers a row. */
    private final Map<String, Map<Tags, Double>> values = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Disposable loop;

    public ReadModelGauges(List<ReadModelGauge> gauges, MeterRegistry meters, Duration interval) {
        this.gauges = List.copyOf(gauges);
        this.meters = meters;
        this.interval = interval;
        for (ReadModelGauge gauge : this.gauges) {
            registered.put(gauge.name(), MultiGauge.builder(gauge.name()).description(gauge.description()).register(meters));
        }
    }

    /** Reads every gauge once now (also what each tick does); completes when all are read. */
    public Mono<Void> refresh() {
        return Flux.fromIterable(gauges).concatMap(this::refresh).then();
    }

    private Mono<Void> refresh(ReadModelGauge gauge) {
        return Mono.defer(() -> gauge.read().get())
                .timeout(READ_LIMIT)
                .doOnNext(rows -> {
                    // Values change in place; only rows that appear or disappear are (un)registered. Re-registering
                    // every row on each refresh (overwrite) would leave a scrape a moment to find the gauge missing.
                    Map<Tags, Double> current = values.computeIfAbsent(gauge.name(), n -> new java.util.concurrent.ConcurrentHashMap<>());
                    rows.forEach((tags, value) -> current.put(tags, value.doubleValue()));
                    current.keySet().retainAll(rows.keySet());
                    List<MultiGauge.Row<?>> next = new ArrayList<>(rows.size());
                    for (Tags tags : rows.keySet()) {
                        next.add(MultiGauge.Row.of(tags, current, m -> m.getOrDefault(tags, Double.NaN)));
                    }
                    registered.get(gauge.name()).register(next, false);
                })
                .onErrorResume(e -> {
                    meters.counter("platform.metrics.read.failures", Tags.of("gauge", gauge.name())).increment();
                    log.debug("Reading gauge {} failed; it keeps its last rows", gauge.name(), e);
                    return Mono.empty();
                })
                .then();
    }

    @Override
    public void start() {
        loop = Flux.interval(Duration.ofSeconds(1), interval)
                .onBackpressureDrop()
                .concatMap(tick -> refresh(), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = loop;
        if (current != null) {
            current.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null && !loop.isDisposed();
    }
}
