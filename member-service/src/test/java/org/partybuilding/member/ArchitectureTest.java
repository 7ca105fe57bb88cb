package org.partybuilding.member;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.test.ServiceArchitecture;

/** No package cycle inside member-service, and no import of another service (platform-test's ServiceArchitecture). */
class ArchitectureTest {

    @Test
    void packagesFormLayersAndImportNoOtherService() {
        ServiceArchitecture.check("org.partybuilding.member");
    }
}
