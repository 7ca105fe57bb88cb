package org.partybuilding.training;

import static org.partybuilding.platform.test.QueryParameterChecks.refusesUnknown;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partybuilding.platform.security.Role;

/**
 * Every list and report of training-service refuses a query parameter it does not know (a misspelt filter is never
 * read as "everything"): 400 problem+json naming the parameter.
 */
class UnknownQueryParametersApiTest extends TrainingApiTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"/api/training/sessions?stret=JIANSHE", "/api/training/activities?stret=JIANSHE",
            "/api/training/compliance?year=2026&stret=JIANSHE", "/api/training/statistics?year=2026&stret=JIANSHE",
            "/api/training/members/m-1/records?year=2026&stret=JIANSHE"})
    void aMisspeltFilterIsA400NamingIt(String uri) {
        refusesUnknown(web, uri, "stret", token(Role.DISTRICT_ADMIN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    void theComplianceExportRefusesItToo(String accept) {
        refusesUnknown(web, "/api/training/compliance?year=2026&quartr=4", "quartr", token(Role.DISTRICT_ADMIN), accept);
    }
}
