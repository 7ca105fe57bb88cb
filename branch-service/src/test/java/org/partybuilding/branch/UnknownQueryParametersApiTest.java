package org.partybuilding.branch;

import static org.partybuilding.platform.test.QueryParameterChecks.refusesUnknown;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partybuilding.platform.security.Role;

/**
 * Every list and report of branch-service refuses a query parameter it does not know (a misspelt filter is never read
 * as "everything"): 400 problem+json naming the parameter, as JSON and as a spreadsheet export.
 */
class UnknownQueryParametersApiTest extends BranchApiTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"/api/branches", "/api/branches/coverage", "/api/branches/coverage/joint-plan",
            "/api/branches/standardization", "/api/branches/instructors", "/api/branches/reports/annual"})
    void aMisspeltFilterIsA400NamingIt(String path) {
        refusesUnknown(web, path + "?stret=JIANSHE", "stret", bearer(Role.DISTRICT_ADMIN));
        // the real filter is known
        get(path + "?street=JIANSHE", bearer(Role.DISTRICT_ADMIN)).expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    void theCoverageExportRefusesItToo(String accept) {
        refusesUnknown(web, "/api/branches/coverage?parts=gaps", "parts", bearer(Role.DISTRICT_ADMIN), accept);
    }
}
