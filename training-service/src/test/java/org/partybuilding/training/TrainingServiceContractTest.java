package org.partybuilding.training;

import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.ServiceContractTests;

/**
 * training-service as a running process (issue 2): starts against MongoDB and Kafka, serves OpenAPI,
 * refuses `/api/training/sessions` without a token as problem+json, readiness (with MongoDB and Kafka) and
 * Prometheus metrics on the management port only.
 */
@PlatformTest
class TrainingServiceContractTest extends ServiceContractTests {

    @Override
    protected String protectedPath() {
        return "/api/training/sessions";
    }
}
