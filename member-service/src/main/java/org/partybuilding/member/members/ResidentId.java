package org.partybuilding.member.members;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

import org.partybuilding.identifiers.CheckCharacters;

/**
 * The 18-character citizen identity number (公民身份号码, GB 11643-1999): 6-digit address code,
 * 8-digit birth date, 3-digit sequence whose last digit is odd for men and even for women, and a
 * check character (ISO 7064 MOD 11-2, {@code X} for 10).
 */
public record ResidentId(String value, LocalDate birthDate, Gender gender) {

    /** The ID number read, or why it is not a valid one (the message never repeats the number). */
    public static Result parse(String raw, LocalDate today) {
        String value = raw == null ? "" : raw.trim().toUpperCase(java.util.Locale.ROOT);
        if (!value.matches("\\d{17}[\\dX]")) {
            return Result.invalid("must be 18 characters: 17 digits and a digit or X");
        }
        if (CheckCharacters.residentId(value.substring(0, 17)) != value.charAt(17)) {
            return Result.invalid("check character is wrong (GB 11643)");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            return Result.invalid("does not contain a valid birth date");
        }
        if (birth.isAfter(today) || birth.isBefore(LocalDate.of(1900, 1, 1))) {
            return Result.invalid("does not contain a plausible birth date");
        }
        Gender gender = (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
        return new Result(Optional.of(new ResidentId(value, birth, gender)), null);
    }

    public record Result(Optional<ResidentId> id, String problem) {
        static Result invalid(String problem) {
            return new Result(Optional.empty(), problem);
        }
    }
}
