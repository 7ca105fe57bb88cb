package org.partybuilding.registry;

import static org.partybuilding.platform.test.QueryParameterChecks.refusesUnknown;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partybuilding.platform.security.Role;
import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every list and report of registry-service refuses a query parameter it does not know (a misspelt filter is never
 * read as "everything"): 400 problem+json naming the parameter, as JSON and as a spreadsheet export.
 */
@PlatformTest
class UnknownQueryParametersApiTest {

    @Autowired
    WebTestClient web;

    private static String admin() {
        return TestTokens.bearer(TestTokens.forRole(Role.DISTRICT_ADMIN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/registry/organizations", "/api/registry/ledger", "/api/registry/statistics"})
    void aMisspeltFilterIsA400NamingIt(String path) {
        refusesUnknown(web, path + "?stret=JIANSHE", "stret", admin());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    void theLedgerExportRefusesItToo(String accept) {
        refusesUnknown(web, "/api/registry/ledger?industy=EDUCATION", "industy", admin(), accept);
    }
}
