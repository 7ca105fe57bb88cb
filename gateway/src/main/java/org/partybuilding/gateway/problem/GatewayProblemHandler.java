package org.partybuilding.gateway.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import org.partybuilding.platform.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * The failures the gateway itself produces, as problem+json: no route (404), a service that cannot be
 * reached (503) or gives no valid answer (502), a service too slow (504). Controller advice never sees
 * these (no controller ran), and Boot's error handler would answer with its own JSON shape. The body
 * names no host, port or exception; those go to the log. Answers a service gives, errors included,
 * pass through untouched: this only runs when no answer came.
 */
@Component
@Order(-2) // before Boot's ErrorWebExceptionHandler (-1)
public class GatewayProblemHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayProblemHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure); // a service's answer broke off midway: nothing left to say but closing
        }
        Problem problem = classify(failure);
        if (problem.status() == HttpStatus.INTERNAL_SERVER_ERROR) {
            log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
        } else if (problem.status().is5xxServerError()) {
            log.warn("{} {} failed: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure.toString());
        }
        return ProblemResponses.write(exchange, problem.status(), problem.type(), problem.status().getReasonPhrase(), problem.detail());
    }

    static Problem classify(Throwable failure) {
        if (failure instanceof ResponseStatusException status) {
            HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
            if (code == HttpStatus.NOT_FOUND) {
                return new Problem(code, "not-found", "No route or resource matches this path");
            }
            if (code == HttpStatus.GATEWAY_TIMEOUT) {
                return timeout();
            }
            if (code != null && code.is4xxClientError()) {
                return new Problem(code, slug(code), status.getReason() == null ? code.getReasonPhrase() : status.getReason());
            }
        }
        if (causedBy(failure, TimeoutException.class) || causedBy(failure, io.netty.handler.timeout.TimeoutException.class)) {
            return timeout();
        }
        if (causedBy(failure, ConnectException.class) || causedBy(failure, UnknownHostException.class)
                || causedBy(failure, NoRouteToHostException.class)) {
            return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "The service behind this path is not reachable at the moment; try again later");
        }
        if (causedBy(failure, IOException.class)) { // connection reset, closed before the answer, malformed answer
            return new Problem(HttpStatus.BAD_GATEWAY, "bad-gateway", "The service behind this path gave no valid answer");
        }
        return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "The request could not be completed; it has been logged");
    }

    private static Problem timeout() {
        return new Problem(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "The service behind this path did not answer in time");
    }

    private static String slug(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
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
