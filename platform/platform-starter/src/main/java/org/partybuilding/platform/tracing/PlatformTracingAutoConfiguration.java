package org.partybuilding.platform.tracing;

import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Lets {@link TraceParents} read the current span through the application's {@link Tracer} and
 * {@link Propagator} (W3C by default), so that an event written to the outbox carries the trace it was made in.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryPropagationConfigurations"})
@ConditionalOnClass(Tracer.class)
public class PlatformTracingAutoConfiguration {

    @Bean
    @ConditionalOnBean({Tracer.class, Propagator.class})
    TraceParentSource platformTraceParentSource(Tracer tracer, Propagator propagator) {
        return new TraceParentSource(tracer, propagator);
    }

    /** Installs itself as the source of {@link TraceParents} while the context runs. */
    static final class TraceParentSource implements InitializingBean, DisposableBean {

        private final Tracer tracer;
        private final Propagator propagator;
        private final java.util.function.Supplier<String> source = this::current;

        TraceParentSource(Tracer tracer, Propagator propagator) {
            this.tracer = tracer;
            this.propagator = propagator;
        }

        String current() {
            Span span = tracer.currentSpan();
            if (span == null) {
                return null;
            }
            Map<String, String> carrier = new HashMap<>(4);
            propagator.inject(span.context(), carrier, Map::put);
            return carrier.get(TraceParents.HEADER);
        }

        @Override
        public void afterPropertiesSet() {
            TraceParents.use(source);
        }

        @Override
        public void destroy() {
            TraceParents.release(source);
        }
    }
}
