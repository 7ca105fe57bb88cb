package org.partybuilding.funding;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.test.ServiceArchitecture;

/** No package cycle inside funding-service, and no import of another service (platform-test's ServiceArchitecture). */
class ArchitectureTest {

    @Test
    void packagesFormLayersAndImportNoOtherService() {
        ServiceArchitecture.check("org.partybuilding.funding");
    }
}
