package org.partybuilding.gateway.trace;

import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Passes the request's trace on to the service: the {@code traceparent} (and {@code tracestate}) of the gateway's own
 * server span, written into the proxied request's headers, replacing whatever the caller sent (the server span already
 * continues the caller's trace). The service's span is then the child of the gateway's, sampled or not as the gateway
 * decided.
 * <p>
 * This replaces Spring Cloud Gateway's observation of each proxied request ({@code ObservedRequestHttpHeadersFilter},
 * switched off in {@code application.yml}): a second observation per request (a client span, its scope, a timer and
 * an active-requests timer the platform's meter filter throws away) that nothing in deploy/ reads (the route metrics
 * {@code spring_cloud_gateway_requests_seconds_*} and {@code http_server_requests_seconds_*} stay), whose only use
 * here was writing this header.
 */
@Component
@ConditionalOnProperty(name = "spring.cloud.gateway.server.webflux.observability.enabled", havingValue = "false")
public class TraceContextRelay implements HttpHeadersFilter, Ordered {

    private final Propagator propagator;

    public TraceContextRelay(Propagator propagator) {
        this.propagator = propagator;
    }

    /** Last of the request's header filters: the forwarded headers are final by then. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Span span = serverSpan(exchange).orElse(null);
        if (span == null) {
            return input;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        for (String field : propagator.fields()) {
            headers.remove(field);
        }
        propagator.inject(span.context(), headers, HttpHeaders::set);
        return headers;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    /** The span of the request's {@code http.server.requests} observation, if tracing made one. */
    static Optional<Span> serverSpan(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan);
    }
}
