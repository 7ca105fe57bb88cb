package org.partybuilding.platform.spreadsheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reading cell text the way registers write it: dates as 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日
 * or an Excel serial number; yes/no as 是/否, true/false, yes/no, Y/N, 1/0; whole numbers; and
 * enum values by code, Chinese name or synonym. Each returns {@code null} (or throws) when it cannot read.
 */
public final class CellValues {

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"), DateTimeFormatter.ofPattern("yyyy-M-d"));
    /** Day 0 of Excel's 1900 date system, for dates that arrive as serial numbers. */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final Pattern EXCEL_SERIAL = Pattern.compile("\\d{5}(\\.0+)?");

    private CellValues() {
    }

    public static LocalDate date(String value) {
        if (EXCEL_SERIAL.matcher(value).matches()) {
            return EXCEL_EPOCH.plusDays(new BigDecimal(value).longValueExact());
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException e) {
                // try the next way of writing a date
            }
        }
        return null;
    }

    public static Boolean yesNo(String value) {
        return switch (normalized(value)) {
            case "是", "TRUE", "YES", "Y", "1" -> true;
            case "否", "FALSE", "NO", "N", "0" -> false;
            default -> null;
        };
    }

    /** A whole number (negative ones too: bean validation names the bound); {@code null} for 4.5. */
    public static Integer wholeNumber(String value) {
        BigDecimal number = new BigDecimal(value);
        return number.stripTrailingZeros().scale() > 0 ? null : number.intValueExact();
    }

    /** The value named by its code, its Chinese {@code label} or a synonym. */
    public static <E extends Enum<E>> E choice(String value, Class<E> type, Function<E, String> label, Map<String, E> synonyms) {
        String v = value.trim();
        for (E candidate : type.getEnumConstants()) {
            if (label != null && label.apply(candidate).equals(v)) {
                return candidate;
            }
        }
        E synonym = synonyms.get(v);
        return synonym != null ? synonym : Enum.valueOf(type, normalized(v));
    }

    public static String normalized(String value) {
        return value.trim().toUpperCase(Locale.ROOT);
    }
}
