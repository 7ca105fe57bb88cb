package org.partybuilding.identifiers;

/**
 * The check characters of the identifiers the platform reads: the unified social credit code (统一社会信用代码,
 * GB 32100-2015), the organization code inside it (组织机构代码, GB 11714) and the resident ID number (公民身份号码,
 * GB 11643). One home for the standards' arithmetic: the services verify with it, the demo district generator and
 * the benchmarks make valid codes with it.
 */
public final class CheckCharacters {

    /** The credit code's alphabet: digits and capital letters without I, O, Z, S, V. */
    public static final String CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] CREDIT_CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORGANIZATION_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final int[] RESIDENT_ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String RESIDENT_ID_CHECK = "10X98765432";

    private CheckCharacters() {
    }

    /** The 18th character of a credit code for its first 17 (GB 32100-2015, modulus 31). */
    public static char creditCode(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i)) * CREDIT_CODE_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CREDIT_CODE_ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /** The 9th character of an organization code for its first 8 (GB 11714, modulus 11). */
    public static char organizationCode(String first8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = first8.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * ORGANIZATION_CODE_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    /** The 18th character of a resident ID number for its first 17 digits (ISO 7064 MOD 11-2, {@code X} for 10). */
    public static char residentId(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * RESIDENT_ID_WEIGHTS[i];
        }
        return RESIDENT_ID_CHECK.charAt(sum % 11);
    }
}
