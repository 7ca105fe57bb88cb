package org.partybuilding.platform.problem;

import org.springframework.http.HttpStatus;

/** 413: an upload beyond what the endpoint accepts (bytes or rows); nothing of it was stored. */
public class TooLargeException extends ApiException {

    public TooLargeException(String detail) {
        super(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Content too large", detail);
    }
}
