package org.partybuilding.branch;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.test.ServiceArchitecture;

/** No package cycle inside branch-service, and no import of another service (platform-test's ServiceArchitecture). */
class ArchitectureTest {

    @Test
    void packagesFormLayersAndImportNoOtherService() {
        ServiceArchitecture.check("org.partybuilding.branch");
    }
}
