package org.partybuilding.gateway;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.test.ServiceArchitecture;

/** No package cycle inside the gateway, and no import of a service (platform-test's ServiceArchitecture), as in every service. */
class ArchitectureTest {

    @Test
    void packagesFormLayersAndImportNoService() {
        ServiceArchitecture.check("org.partybuilding.gateway");
    }
}
