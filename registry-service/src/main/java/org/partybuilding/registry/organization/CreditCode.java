package org.partybuilding.registry.organization;

import java.util.Optional;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters —
 * registration authority (1), organization category (1), administrative division (6),
 * organization code (9, itself ending in a GB 11714 check character) and a check character.
 * Social organizations are registered by civil affairs (authority {@code 5}); the category says
 * which kind: {@code 1} social group, {@code 2} private non-enterprise unit, {@code 3} foundation.
 */
public final class CreditCode {

    /** The code's alphabet: digits and capital letters without I, O, Z, S, V. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORGANIZATION_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    static final char CIVIL_AFFAIRS = '5';

    private CreditCode() {
    }

    /** Why the code is not a valid social organization code of that type, or empty when it is. */
    public static Optional<String> problem(String code, OrganizationType type) {
        if (code == null || code.length() != 18) {
            return Optional.of("must be 18 characters");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of("character " + (i + 1) + " '" + code.charAt(i) + "' is not allowed (digits and capitals except I, O, Z, S, V)");
            }
        }
        if (code.charAt(17) != checkCharacter(code.substring(0, 17))) {
            return Optional.of("check character does not match (expected " + checkCharacter(code.substring(0, 17)) + ")");
        }
        if (!code.substring(2, 8).chars().allMatch(Character::isDigit)) {
            return Optional.of("characters 3-8 must be the administrative division code");
        }
        if (code.charAt(16) != organizationCodeCheckCharacter(code.substring(8, 16))) {
            return Optional.of("the organization code (characters 9-17) has a wrong check character");
        }
        if (code.charAt(0) != CIVIL_AFFAIRS) {
            return Optional.of("a social organization's code starts with 5 (registered by civil affairs)");
        }
        if (type != null && code.charAt(1) != type.creditCodeCategory()) {
            return Optional.of("category character '" + code.charAt(1) + "' does not fit type " + type
                    + " (expected '" + type.creditCodeCategory() + "')");
        }
        return Optional.empty();
    }

    /** The 18th character for the first 17 (GB 32100-2015, modulus 31). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
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
}
