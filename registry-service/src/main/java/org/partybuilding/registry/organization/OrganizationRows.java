package org.partybuilding.registry.organization;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.partybuilding.platform.district.District;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.spreadsheet.SheetRows;

/**
 * Turns the rows of an uploaded register into registrations, one row at a time: a cell that cannot
 * be read is an error of that row only. Values may be the API's codes or the Chinese words a
 * district's register uses (社会团体, 区级, 正常, 是/否, a street's or industry's name).
 */
final class OrganizationRows {

    /** One row of the file: its row number, the registration read from it, or why it could not be read. */
    record ImportRow(int number, RegisterOrganization registration, List<FieldError> errors) {
    }

    /** Words registers use besides each value's own Chinese name. */
    private static final Map<String, OrganizationType> TYPE_SYNONYMS = Map.of(
            "民办非企业", OrganizationType.PRIVATE_NON_ENTERPRISE, "社会服务机构", OrganizationType.PRIVATE_NON_ENTERPRISE);
    private static final Map<String, RegistrationLevel> LEVEL_SYNONYMS = Map.of("省", RegistrationLevel.PROVINCE,
            "市", RegistrationLevel.CITY, "区", RegistrationLevel.DISTRICT);
    private static final Map<String, OperatingStatus> STATUS_SYNONYMS = Map.of("经营困难", OperatingStatus.DIFFICULT,
            "暂停", OperatingStatus.SUSPENDED, "停止运营", OperatingStatus.SUSPENDED);
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"), DateTimeFormatter.ofPattern("yyyy-M-d"));
    /** Day 0 of Excel's 1900 date system, for dates that arrive as serial numbers. */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private final District district;

    OrganizationRows(District district) {
        this.district = district;
    }

    /** Every row of the sheet; a header row without a required column refuses the whole file. */
    List<ImportRow> read(SheetRows sheet) {
        Map<ImportColumn, Integer> columns = columns(sheet.headers());
        List<ImportRow> rows = new ArrayList<>(sheet.rows().size());
        for (SheetRows.Row row : sheet.rows()) {
            rows.add(read(row, columns));
        }
        return rows;
    }

    private static Map<ImportColumn, Integer> columns(List<String> headers) {
        Map<ImportColumn, Integer> columns = new EnumMap<>(ImportColumn.class);
        for (int i = 0; i < headers.size(); i++) {
            int index = i;
            ImportColumn.forHeading(headers.get(i)).ifPresent(column -> columns.putIfAbsent(column, index));
        }
        List<String> missing = new ArrayList<>();
        for (ImportColumn column : ImportColumn.values()) {
            if (column.required() && !columns.containsKey(column)) {
                missing.add(column.label());
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("file", "the header row lacks the required column(s) " + String.join(", ", missing));
        }
        return columns;
    }

    private ImportRow read(SheetRows.Row row, Map<ImportColumn, Integer> columns) {
        Cells cells = new Cells(row, columns);
        RegisterOrganization registration = new RegisterOrganization(
                cells.text(ImportColumn.NAME),
                cells.text(ImportColumn.CREDIT_CODE) == null ? null : ImportColumn.normalized(cells.text(ImportColumn.CREDIT_CODE)),
                cells.parse(ImportColumn.TYPE, v -> choice(v, TYPE_SYNONYMS, OrganizationType.class, OrganizationType::label), "社会团体, 民办非企业单位 or 基金会"),
                cells.parse(ImportColumn.REGISTRATION_LEVEL, v -> choice(v, LEVEL_SYNONYMS, RegistrationLevel.class, RegistrationLevel::label), "省级, 市级 or 区级"),
                cells.parse(ImportColumn.REGISTERED_ON, OrganizationRows::date, "a date such as 2024-03-01"),
                cells.text(ImportColumn.SUPERVISORY_UNIT),
                cells.parse(ImportColumn.INDUSTRY, v -> district.industryNamed(v).orElse(null),
                        "one of the district's industries " + district.industries()),
                cells.parse(ImportColumn.STREET, v -> district.streetNamed(v).orElse(null),
                        "one of the district's streets " + district.streets().values()),
                cells.text(ImportColumn.ADDRESS),
                new RegisterOrganization.LegalRepresentativeInput(cells.text(ImportColumn.LEGAL_REPRESENTATIVE_NAME),
                        cells.parse(ImportColumn.LEGAL_REPRESENTATIVE_PARTY_MEMBER, OrganizationRows::yesNo, "是 or 否")),
                cells.parse(ImportColumn.EMPLOYEES, OrganizationRows::count, "a whole number"),
                cells.parse(ImportColumn.FULL_TIME_STAFF, OrganizationRows::count, "a whole number"),
                cells.parse(ImportColumn.OPERATING_STATUS, v -> choice(v, STATUS_SYNONYMS, OperatingStatus.class, OperatingStatus::label), "正常, 困难 or 停业"));
        return new ImportRow(row.number(), registration, cells.errors);
    }

    /** The cells of one row by column, collecting what cannot be read. */
    private static final class Cells {
        private final SheetRows.Row row;
        private final Map<ImportColumn, Integer> columns;
        private final List<FieldError> errors = new ArrayList<>();

        Cells(SheetRows.Row row, Map<ImportColumn, Integer> columns) {
            this.row = row;
            this.columns = columns;
        }

        /** The cell's text, {@code null} when empty (bean validation then names a required field). */
        String text(ImportColumn column) {
            Integer index = columns.get(column);
            String value = index == null ? "" : row.cell(index);
            return value.isEmpty() ? null : value;
        }

        <T> T parse(ImportColumn column, Function<String, T> parser, String expected) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            T parsed;
            try {
                parsed = parser.apply(value);
            } catch (RuntimeException e) {
                parsed = null;
            }
            if (parsed == null) {
                errors.add(new FieldError(column.field(), "'" + value + "' is not " + expected));
            }
            return parsed;
        }
    }

    /** The value named by its code, its Chinese name or a synonym. */
    private static <E extends Enum<E>> E choice(String value, Map<String, E> synonyms, Class<E> type, Function<E, String> label) {
        String v = value.trim();
        for (E candidate : type.getEnumConstants()) {
            if (label.apply(candidate).equals(v)) {
                return candidate;
            }
        }
        E synonym = synonyms.get(v);
        return synonym != null ? synonym : Enum.valueOf(type, ImportColumn.normalized(v));
    }

    static LocalDate date(String value) {
        if (value.matches("\\d{5}(\\.0+)?")) {
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

    static Boolean yesNo(String value) {
        return switch (ImportColumn.normalized(value)) {
            case "是", "TRUE", "YES", "Y", "1" -> true;
            case "否", "FALSE", "NO", "N", "0" -> false;
            default -> null;
        };
    }

    static Integer count(String value) {
        BigDecimal number = new BigDecimal(value);
        return number.stripTrailingZeros().scale() > 0 ? null : number.intValueExact();
    }
}
