package org.partybuilding.member;

import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.ServiceContractTests;

/**
 * member-service as a running process (issue 2): starts against MongoDB and Kafka, serves OpenAPI,
 * refuses `/api/members` without a token as problem+json, readiness (with MongoDB and Kafka) and
 * Prometheus metrics on the management port only.
 */
@PlatformTest
class MemberServiceContractTest extends ServiceContractTests {

    @Override
    protected String protectedPath() {
        return "/api/members";
    }
}
