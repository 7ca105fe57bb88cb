package org.partybuilding.funding;

import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.ServiceContractTests;

/**
 * funding-service as a running process (issue 2): starts against MongoDB and Kafka, serves OpenAPI,
 * refuses `/api/funding/policies/2026` without a token as problem+json, readiness (with MongoDB and Kafka) and
 * Prometheus metrics on the management port only.
 */
@PlatformTest
class FundingServiceContractTest extends ServiceContractTests {

    @Override
    protected String protectedPath() {
        return "/api/funding/policies/2026";
    }
}
