package org.partybuilding.platform.test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The check every service's lists and reports get: a query parameter the endpoint does not know is a 400
 * problem+json naming it, and only it (platform {@code KnownQueryParameters}), whatever the format asked for.
 */
public final class QueryParameterChecks {

    private QueryParameterChecks() {
    }

    /** {@code uri} (with {@code unknown} among its parameters) answers 400 naming {@code unknown} as its one error. */
    public static void refusesUnknown(WebTestClient web, String uri, String unknown, String bearer, String accept) {
        web.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).accept(MediaType.valueOf(accept)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(unknown).jsonPath("$.errors.length()").isEqualTo(1);
    }

    public static void refusesUnknown(WebTestClient web, String uri, String unknown, String bearer) {
        refusesUnknown(web, uri, unknown, bearer, MediaType.APPLICATION_JSON_VALUE);
    }
}
