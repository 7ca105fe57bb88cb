package org.partybuilding.platform.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure of a request into {@code application/problem+json}: bad input is a 400 that
 * names the fields, a refused rule a 422 that names the rule, and anything unexpected a 500 whose
 * body says nothing of the server's internals (the stack trace goes to the log only).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    /** nginx's "client closed request": recorded in the metrics, never sent (nobody is listening). */
    static final int CLIENT_CLOSED_REQUEST = 499;
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, ServerWebExchange exchange) {
        if (e instanceof NotFoundException notFound && notFound.hidesOutOfScope()) {
            Refusals.refused(exchange, Refusals.HIDDEN, e.getMessage() + ", outside the caller's data scope");
        }
        if (e instanceof ConflictException conflict && conflict.revealsExistence()) {
            Refusals.refused(exchange, Refusals.EXISTENCE, e.getMessage());
        }
        return respond(Problems.of(e, path(exchange)));
    }

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<ProblemDetail> binding(WebExchangeBindException e, ServerWebExchange exchange) {
        List<FieldError> errors = new ArrayList<>();
        e.getFieldErrors().forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
        e.getGlobalErrors().forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        return respond(Problems.of(new InvalidInputException(errors), path(exchange)));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> methodValidation(HandlerMethodValidationException e, ServerWebExchange exchange) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldError(
                        result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return respond(Problems.of(new InvalidInputException(errors), path(exchange)));
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> input(ServerWebInputException e, ServerWebExchange exchange) {
        JacksonException json = findCause(e, JacksonException.class);
        if (json != null) {
            String field = json.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return respond(Problems.of(field.isEmpty()
                    ? new InvalidInputException("body", "Malformed JSON")
                    : new InvalidInputException(field, describe(json)), path(exchange)));
        }
        String field = e.getMethodParameter() != null ? e.getMethodParameter().getParameterName() : "request";
        return respond(Problems.of(new InvalidInputException(field == null ? "request" : field,
                e.getReason() == null ? "unreadable" : e.getReason()), path(exchange)));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e, ServerWebExchange exchange) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        String title = status == null ? "Error" : status.getReasonPhrase();
        // Spring's own reasons can quote the full request URL (host and port); say it in our words instead.
        String detail = status == HttpStatus.NOT_FOUND ? "Nothing is served at this path"
                : status == HttpStatus.METHOD_NOT_ALLOWED ? "This method is not allowed at this path"
                : status == HttpStatus.UNSUPPORTED_MEDIA_TYPE ? "This content type is not accepted here"
                : status == HttpStatus.NOT_ACCEPTABLE ? "None of the accepted media types can be produced"
                : title;
        return respond(Problems.of(e.getStatusCode(), slug(title), title, detail, path(exchange)));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e, ServerWebExchange exchange) {
        Refusals.refused(exchange, Refusals.SCOPE, e.getMessage());
        return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage(), path(exchange)));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e, ServerWebExchange exchange) {
        return respond(Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "A valid bearer token is required", path(exchange)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, ServerWebExchange exchange) {
        if (Failures.clientGone(e)) {
            // The client hung up (reset, cancelled upload): nothing is wrong here and nobody reads the answer.
            log.debug("Client went away during {} {}: {}", exchange.getRequest().getMethod(), path(exchange), e.toString());
            return respond(Problems.of(HttpStatusCode.valueOf(CLIENT_CLOSED_REQUEST), "client-closed-request",
                    "Client closed request", "The client closed the connection before the answer", path(exchange)));
        }
        if (Failures.databaseUnavailable(e)) {
            return unavailable(e, exchange);
        }
        log.error("Unexpected failure of {} {}", exchange.getRequest().getMethod(), path(exchange), e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The request could not be completed; it has been logged", path(exchange)));
    }

    /**
     * 503 with {@code Retry-After}: the service's own database did not answer in time (the driver's server selection
     * or socket timeout, {@code platform.mongodb.*}). Nothing was written that the client must know of: a write either
     * happened whole (single-document) or not, and retrying is safe with its {@code If-Match}.
     */
    static ResponseEntity<ProblemDetail> unavailable(Throwable e, ServerWebExchange exchange) {
        log.warn("Database unavailable during {} {}: {}", exchange.getRequest().getMethod(), path(exchange), e.toString());
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service Unavailable",
                "The service's database did not answer in time; try again shortly", path(exchange));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem);
    }

    static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    static String path(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value();
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    /** Says what is wrong with a field in the client's terms, not Jackson's. */
    private static String describe(JacksonException e) {
        if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return "'" + format.getValue() + "' is not one of " + Arrays.toString(target.getEnumConstants());
            }
            return "'" + format.getValue() + "' is not a valid " + (target == null ? "value" : simpleTypeName(target));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String message = String.valueOf(e.getOriginalMessage());
            return message.startsWith("Cannot map `null`") ? "is required"
                    : "must be a " + simpleTypeName(mismatch.getTargetType());
        }
        return "cannot be read";
    }

    private static String simpleTypeName(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "whole number";
        }
        if (type == java.math.BigDecimal.class || type == double.class) {
            return "number";
        }
        if (type == java.time.LocalDate.class) {
            return "date (yyyy-MM-dd)";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        return type.getSimpleName();
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
