package org.partybuilding.platform.web;

import org.partybuilding.platform.problem.ConflictException;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.problem.PreconditionRequiredException;

/**
 * Optimistic concurrency over HTTP: responses carry {@code ETag: "<version>"}, updates must send
 * {@code If-Match} with it (428 without, 409 when stale, as API.md says).
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names. */
    public static long requireIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "must be the ETag of a version, e.g. \"3\"");
        }
    }

    public static void requireCurrent(long expected, long actual, String resource) {
        if (expected != actual) {
            throw new ConflictException(resource + " is at version " + actual + ", not " + expected + "; read it again and retry");
        }
    }
}
