package org.partybuilding.gateway.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import org.partybuilding.platform.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import org.partybuilding.platform.tracing.TracedLogging;
import reactor.core.publisher.Mono;

/**
 * When a routed request gets no answer from its service, the gateway answers itself, as
 * problem+json: the service cannot be reached (503), hung up or answered garbage (502), or was too
 * slow (504). Without this, platform-starter's advice would call these a 500, and Spring Cloud
 * Gateway's 504 reason names the timeout setting. The body names no host, port or exception; those go
 * to the log. Answers a service does give, errors included, pass through untouched.
 */
@Component
public class UpstreamProblems implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(UpstreamProblems.class);
    /** A service that is not reachable is usually restarting: ask the client to come back in a few seconds. */
    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // wraps every other filter of the route, the proxying one included
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorResume(failure -> {
            Problem problem = classify(failure);
            if (problem == null || exchange.getResponse().isCommitted()) {
                return Mono.error(failure); // not about the service, or its answer broke off midway: nothing more to say
            }
            if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE) {
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            }
            return TracedLogging.log(() -> log.warn("{} {} got no answer from its service: {}", exchange.getRequest().getMethod(),
                            exchange.getRequest().getPath(), failure.toString()))
                    .then(ProblemResponses.write(exchange, problem.status(), problem.type(), problem.status().getReasonPhrase(),
                            problem.detail()));
        });
    }

    static Problem classify(Throwable failure) {
        if (failure instanceof ResponseStatusException status && status.getStatusCode().value() == 504
                || causedBy(failure, TimeoutException.class) || causedBy(failure, io.netty.handler.timeout.TimeoutException.class)) {
            return new Problem(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "The service behind this path did not answer in time");
        }
        if (causedBy(failure, ConnectException.class) || causedBy(failure, UnknownHostException.class)
                || causedBy(failure, NoRouteToHostException.class)) {
            return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "The service behind this path is not reachable at the moment; try again later");
        }
        if (causedBy(failure, IOException.class)) { // reset, closed before answering, malformed answer
            return new Problem(HttpStatus.BAD_GATEWAY, "bad-gateway", "The service behind this path gave no valid answer");
        }
        return null;
    }

    /** Nothing was sent: the service's address refused or could not be reached (503); another instance may serve it. */
    public static boolean unreachable(Throwable failure) {
        Problem problem = classify(failure);
        return problem != null && problem.status() == HttpStatus.SERVICE_UNAVAILABLE;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    record Problem(HttpStatus status, String type, String detail) {
    }
}
