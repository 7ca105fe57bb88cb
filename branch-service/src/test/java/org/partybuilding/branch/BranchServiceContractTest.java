package org.partybuilding.branch;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.test.PlatformTest;
import org.partybuilding.platform.test.ServiceContractTests;

/**
 * branch-service as a running process (issue 2): starts against MongoDB and Kafka, serves OpenAPI, refuses the API
 * without a token as problem+json, readiness (with MongoDB and Kafka) and Prometheus metrics on the management port only.
 */
@PlatformTest
class BranchServiceContractTest extends ServiceContractTests {

    @Override
    protected String protectedPath() {
        return "/api/branches/coverage";
    }

    @Test
    void documentsTheCoverageFiltersAndNotTheCallersScope() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/branches/coverage'].get.parameters[*].name")
                .value(names -> org.assertj.core.api.Assertions.assertThat(names)
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                        .containsExactly("street", "type", "supervisoryUnit", "part"))
                .jsonPath("$.components.schemas.Gap.properties.reason.enum.length()").isEqualTo(9);
    }
}
