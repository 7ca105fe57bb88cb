package org.partybuilding.registry.organization;

import java.util.Optional;

import org.partybuilding.identifiers.CheckCharacters;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters —
 * registration authority (1), organization category (1), administrative division (6),
 * organization code (9, itself ending in a GB 11714 check character) and a check character.
 * Social organizations are registered by civil affairs (authority {@code 5}); the category says
 * which kind: {@code 1} social group, {@code 2} private non-enterprise unit, {@code 3} foundation.
 */
public final class CreditCode {

    static final String ALPHABET = CheckCharacters.CREDIT_CODE_ALPHABET;
    static final char CIVIL_AFFAIRS = '5';

    private CreditCode() {
    }

    /** Why the code is not a valid social organization code of that type, or empty when it is. */
    /** Whether the text may be (a part of) a credit code: at most 18 of its characters, in either case. */
    static boolean mayBePartOf(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return false;
        }
        for (char c : text.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

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

    private static char checkCharacter(String first17) {
        return CheckCharacters.creditCode(first17);
    }

    private static char organizationCodeCheckCharacter(String first8) {
        return CheckCharacters.organizationCode(first8);
    }
}
