package org.partybuilding.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that seals personal data at rest ({@code PLATFORM_PRIVACY_KEY}): made at random on the first start and kept
 * in the data directory (never in the repository), so what was stored stays readable across restarts.
 */
final class PrivacyKey {

    private PrivacyKey() {
    }

    /** The gateway's session key ({@code GATEWAY_SESSION_KEY}), kept the same way beside the privacy key. */
    static final String SESSION_KEY_FILE = "session.key";

    /** The key kept in {@code dataDir/privacy.key}, made there first if missing (owner-only where the file system allows). */
    static String in(Path dataDir) {
        return in(dataDir, "privacy.key");
    }

    /** A key of 32 random bytes (base64) kept in {@code dataDir/<fileName>}, made there first if missing. */
    static String in(Path dataDir, String fileName) {
        Path file = dataDir.resolve(fileName);
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(file.getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the data directory's own permissions apply
                }
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new LocalPlatformException("launcher", "cannot create or read " + file + ": " + e, e);
        }
    }
}
