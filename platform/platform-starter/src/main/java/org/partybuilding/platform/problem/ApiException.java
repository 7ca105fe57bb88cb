package org.partybuilding.platform.problem;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** A refusal the client can act on; rendered as RFC 9457 problem details with its status. */
public abstract class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String problemType;
    private final String title;

    protected ApiException(HttpStatus status, String problemType, String title, String detail) {
        super(detail);
        this.status = status;
        this.problemType = problemType;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    /** Short slug appended to {@link Problems#TYPE_BASE}, e.g. {@code domain-rule}. */
    public String problemType() {
        return problemType;
    }

    public String title() {
        return title;
    }

    /** Extra members of the problem document (e.g. {@code rule}, {@code errors}). */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
