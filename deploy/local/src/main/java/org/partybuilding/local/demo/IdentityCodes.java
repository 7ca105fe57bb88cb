package org.partybuilding.local.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Synthetic but valid identifiers: unified social credit codes (统一社会信用代码, GB 32100-2015, with the
 * embedded GB 11714 organization code) of social organizations in Yuexiu, and resident ID numbers
 * (公民身份号码, GB 11643) born in Yuexiu. The check functions are small and fixed by the standards, so
 * they are written here rather than depending on a service's jar; the services verify them on import,
 * so a wrong copy fails loudly.
 */
public final class IdentityCodes {

    /** Yuexiu's administrative division code. */
    public static final String YUEXIU = "440104";

    /** Digits and capitals without I, O, Z, S, V. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORGANIZATION_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private IdentityCodes() {
    }

    /**
     * The credit code of organization {@code serial} (0–999,999) in series {@code prefix} (two letters of the
     * alphabet): {@code 5} (civil affairs), {@code category} ('1' social group, '2' private non-enterprise unit,
     * '3' foundation), Yuexiu, the organization code and the check character. Distinct prefixes or serials give
     * distinct codes.
     */
    public static String creditCode(String prefix, int serial, char category) {
        if (prefix.length() != 2 || prefix.chars().anyMatch(c -> ALPHABET.indexOf(c) < 10)) {
            throw new IllegalArgumentException("prefix must be two letters of " + ALPHABET + ": " + prefix);
        }
        if (serial < 0 || serial > 999_999) {
            throw new IllegalArgumentException("serial out of range: " + serial);
        }
        String organizationCode = prefix + String.format("%06d", serial);
        String first17 = "5" + category + YUEXIU + organizationCode + organizationCodeCheckCharacter(organizationCode);
        return first17 + creditCheckCharacter(first17);
    }

    /** The 18th character of a credit code for its first 17 (GB 32100-2015, modulus 31). */
    public static char creditCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /** The 9th character of an organization code for its first 8 (GB 11714, modulus 11). */
    public static char organizationCodeCheckCharacter(String first8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = first8.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * ORGANIZATION_CODE_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    /**
     * A resident ID number born in Yuexiu on {@code birth} with sequence {@code sequence} (0–999; odd for a man,
     * even for a woman, as GB 11643 says).
     */
    public static String idNumber(LocalDate birth, int sequence) {
        if (sequence < 0 || sequence > 999) {
            throw new IllegalArgumentException("sequence out of range: " + sequence);
        }
        String body = YUEXIU + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        return body + idCheckCharacter(body);
    }

    /** The 18th character of an ID number for its first 17 (ISO 7064 MOD 11-2). */
    public static char idCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return "10X98765432".charAt(sum % 11);
    }
}
