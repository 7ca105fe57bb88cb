package org.partybuilding.platform.problem;

import org.springframework.http.HttpStatus;

/** 428: an update without {@code If-Match}; lost updates are refused, not risked. */
public class PreconditionRequiredException extends ApiException {

    public PreconditionRequiredException() {
        super(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "If-Match required",
                "Send If-Match with the ETag of the version you are changing");
    }
}
