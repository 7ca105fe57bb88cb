package org.partybuilding.monitoring;

import java.nio.file.Path;

/** The repository's deploy/ directory (set by the build; the working directory's parent otherwise). */
final class Deployment {

    private Deployment() {
    }

    static Path dir() {
        return Path.of(System.getProperty("monitoring.deploy-dir", "..")).toAbsolutePath().normalize();
    }
}
