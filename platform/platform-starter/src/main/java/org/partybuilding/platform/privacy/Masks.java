package org.partybuilding.platform.privacy;

/** How personal data is shown to a caller who may not see it (API.md): {@code 4401**********123X}, {@code 138****5678}. */
public final class Masks {

    private Masks() {
    }

    /** The first 4 and last 4 characters of an ID number. */
    public static String idNumber(String value) {
        return keep(value, 4, 4);
    }

    /** The first 3 and last 4 digits of a phone number. */
    public static String phone(String value) {
        return keep(value, 3, 4);
    }

    private static String keep(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }
}
