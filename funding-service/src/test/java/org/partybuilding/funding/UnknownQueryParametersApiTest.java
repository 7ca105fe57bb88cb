package org.partybuilding.funding;

import static org.partybuilding.platform.test.QueryParameterChecks.refusesUnknown;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partybuilding.platform.security.Role;

/**
 * Every list and report of funding-service refuses a query parameter it does not know (a misspelt filter is never
 * read as "everything"): 400 problem+json naming the parameter, as JSON and as a spreadsheet export.
 */
class UnknownQueryParametersApiTest extends FundingApiTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"/api/funding/ledger?fiscalYear=2026&stret=JIANSHE", "/api/funding/reports?fiscalYear=2026&stret=JIANSHE",
            "/api/funding/forecast?fiscalYear=2027&stret=JIANSHE"})
    void aMisspeltFilterIsA400NamingIt(String uri) {
        refusesUnknown(web, uri, "stret", bearer(Role.DISTRICT_ADMIN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    void theReportExportRefusesItToo(String accept) {
        refusesUnknown(web, "/api/funding/reports?fiscalYear=2026&groupby=kind", "groupby", bearer(Role.FINANCE), accept);
    }
}
