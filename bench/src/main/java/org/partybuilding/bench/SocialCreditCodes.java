package org.partybuilding.bench;

/**
 * Valid unified social credit codes (GB 32100-2015) of social organizations in Yuexiu, as many as a
 * benchmark needs: {@code 5} (civil affairs), the category of the type, {@code 440104}, an organization
 * code (GB 11714) of a two-letter prefix and a six-digit serial with its check character, and the
 * code's check character.
 * <p>
 * The two check-character functions are copied from registry-service's {@code CreditCode} (small,
 * fixed by the two standards) rather than depending on the service's jar: the bench depends only on
 * the launcher, and a service jar is a Spring Boot fat jar, not a library. If the copy ever went
 * wrong, the import would reject the rows and the bench would fail loudly, not measure less.
 */
final class SocialCreditCodes {

    /** Digits and capitals without I, O, Z, S, V. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORGANIZATION_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final String YUEXIU = "440104";

    private SocialCreditCodes() {
    }

    /**
     * The code of organization {@code serial} (0–999,999) in the series {@code prefix} (two letters of
     * the alphabet), for a type of category {@code category} ('1' social group, '2' private
     * non-enterprise unit, '3' foundation). Distinct prefixes or serials give distinct codes.
     */
    static String code(String prefix, int serial, char category) {
        if (prefix.length() != 2 || prefix.chars().anyMatch(c -> ALPHABET.indexOf(c) < 10)) {
            throw new IllegalArgumentException("prefix must be two letters of " + ALPHABET + ": " + prefix);
        }
        String organizationCode = prefix + String.format("%06d", serial);
        String first17 = "5" + category + YUEXIU + organizationCode + organizationCodeCheckCharacter(organizationCode);
        return first17 + checkCharacter(first17);
    }

    /** The 18th character for the first 17 (GB 32100-2015, modulus 31). */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /** The 9th character of an organization code for its first 8 (GB 11714, modulus 11). */
    static char organizationCodeCheckCharacter(String first8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = first8.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * ORGANIZATION_CODE_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }
}
