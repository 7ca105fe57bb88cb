package org.partybuilding.platform.problem;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/**
 * 409 for storage conflicts, 503 with {@code Retry-After} for a database that does not answer in time, in services
 * that have a database (the gateway has none, nor spring-tx).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DataAccessProblemsAdvice {

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e, ServerWebExchange exchange) {
        return ProblemDetailsAdvice.respond(Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict",
                "A record with the same unique key already exists", ProblemDetailsAdvice.path(exchange)));
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ResponseEntity<ProblemDetail> unavailable(DataAccessException e, ServerWebExchange exchange) {
        return ProblemDetailsAdvice.unavailable(e, exchange);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e, ServerWebExchange exchange) {
        return ProblemDetailsAdvice.respond(Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict",
                "The record was changed by someone else; read it again and retry", ProblemDetailsAdvice.path(exchange)));
    }
}
