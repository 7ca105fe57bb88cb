package org.partybuilding.platform.security;

/**
 * The characters Spring Security's {@code StrictServerWebExchangeFirewall} allows in request header names and
 * values, decided without its regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*} for names, the same
 * with tab for values), which it otherwise runs on every read of every header, a bearer token's kilobyte included.
 * The same answer for every string (a test compares both over every code point): a name or value is allowed when
 * each of its code points is assigned in Unicode and not a control character (a value may also hold tabs);
 * {@code null} is allowed (an absent header).
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    static boolean allowedName(String name) {
        return allowed(name, false);
    }

    static boolean allowedValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String text, boolean tab) {
        if (text == null) {
            return true;
        }
        int length = text.length();
        for (int i = 0; i < length; ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) { // printable ASCII: nearly every header character
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
