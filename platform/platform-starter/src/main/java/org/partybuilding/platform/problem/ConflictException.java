package org.partybuilding.platform.problem;

import org.springframework.http.HttpStatus;

/** 409: a duplicate key, a stale version, or a state that forbids the action. */
public class ConflictException extends ApiException {

    public ConflictException(String detail) {
        super(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
    }
}
