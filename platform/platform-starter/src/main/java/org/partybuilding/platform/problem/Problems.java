package org.partybuilding.platform.problem;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the platform's RFC 9457 documents: one type URI scheme, never a stack trace. */
public final class Problems {

    public static final String TYPE_BASE = "https://partybuilding.org/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        return problem;
    }

    public static ProblemDetail of(ApiException exception, String instance) {
        ProblemDetail problem = of(exception.status(), exception.problemType(), exception.title(), exception.getMessage(), instance);
        for (Map.Entry<String, Object> property : exception.properties().entrySet()) {
            problem.setProperty(property.getKey(), property.getValue());
        }
        return problem;
    }
}
