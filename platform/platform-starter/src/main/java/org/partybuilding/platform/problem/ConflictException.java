package org.partybuilding.platform.problem;

import org.springframework.http.HttpStatus;

/** 409: a duplicate key, a stale version, or a state that forbids the action. */
public class ConflictException extends ApiException {

    private final boolean revealsExistence;

    public ConflictException(String detail) {
        this(detail, false);
    }

    private ConflictException(String detail, boolean revealsExistence) {
        super(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
        this.revealsExistence = revealsExistence;
    }

    /**
     * A 409 that tells the caller a unique value (an ID number) is taken, possibly by a record outside their scope: the
     * answer cannot be hidden, so the platform logs and counts it as a security event, which makes a probe visible.
     */
    public static ConflictException revealingExistence(String detail) {
        return new ConflictException(detail, true);
    }

    public boolean revealsExistence() {
        return revealsExistence;
    }
}
