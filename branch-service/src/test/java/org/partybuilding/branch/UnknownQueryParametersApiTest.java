package org.partybuilding.branch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partybuilding.platform.security.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Every list and report of branch-service refuses a query parameter it does not know (a misspelt filter is never read
 * as "everything"): 400 problem+json naming the parameter, as JSON and as a spreadsheet export.
 */
class UnknownQueryParametersApiTest extends BranchApiTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"/api/branches", "/api/branches/coverage", "/api/branches/coverage/joint-plan",
            "/api/branches/standardization", "/api/branches/instructors"})
    void aMisspeltFilterIsA400NamingIt(String path) {
        web.get().uri(path + "?stret=JIANSHE").header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("stret")
                .jsonPath("$.errors.length()").isEqualTo(1);
        // the real filter is known
        web.get().uri(path + "?street=JIANSHE").header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN)).exchange()
                .expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    void theCoverageExportRefusesItToo(String accept) {
        web.get().uri("/api/branches/coverage?parts=gaps").header(HttpHeaders.AUTHORIZATION, bearer(Role.DISTRICT_ADMIN))
                .accept(MediaType.valueOf(accept)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("parts");
    }
}
