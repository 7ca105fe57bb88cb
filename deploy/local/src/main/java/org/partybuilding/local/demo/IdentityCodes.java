package org.partybuilding.local.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.partybuilding.identifiers.CheckCharacters;

/**
 * Synthetic but valid identifiers: unified social credit codes (统一社会信用代码, GB 32100-2015, with the
 * embedded GB 11714 organization code) of social organizations in Yuexiu, and resident ID numbers
 * (公民身份号码, GB 11643) born in Yuexiu, with the check characters of {@link CheckCharacters}.
 */
public final class IdentityCodes {

    /** Yuexiu's administrative division code. */
    public static final String YUEXIU = "440104";

    private static final String ALPHABET = CheckCharacters.CREDIT_CODE_ALPHABET;

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
        String first17 = "5" + category + YUEXIU + organizationCode + CheckCharacters.organizationCode(organizationCode);
        return first17 + CheckCharacters.creditCode(first17);
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
        return body + CheckCharacters.residentId(body);
    }
}
