package org.partybuilding.registry.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.partybuilding.platform.district.District;
import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.spreadsheet.CellValues;
import org.partybuilding.platform.spreadsheet.ColumnMap;
import org.partybuilding.platform.spreadsheet.RowCells;
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

    private final District district;

    OrganizationRows(District district) {
        this.district = district;
    }

    /** Every row of the sheet; a header row without a required column refuses the whole file. */
    List<ImportRow> read(SheetRows sheet) {
        ColumnMap<OrganizationColumn> columns = ColumnMap.of(OrganizationColumn.class, sheet.headers());
        // Rows are read alone, so on every core; the list keeps the file's order.
        return sheet.rows().parallelStream().map(row -> read(columns.cells(row))).toList();
    }

    private ImportRow read(RowCells<OrganizationColumn> cells) {
        String creditCode = cells.text(OrganizationColumn.CREDIT_CODE);
        RegisterOrganization registration = new RegisterOrganization(
                cells.text(OrganizationColumn.NAME),
                creditCode == null ? null : CellValues.normalized(creditCode),
                cells.parse(OrganizationColumn.TYPE, v -> CellValues.choice(v, OrganizationType.class, OrganizationType::label,
                        TYPE_SYNONYMS), "社会团体, 民办非企业单位 or 基金会"),
                cells.parse(OrganizationColumn.REGISTRATION_LEVEL, v -> CellValues.choice(v, RegistrationLevel.class,
                        RegistrationLevel::label, LEVEL_SYNONYMS), "省级, 市级 or 区级"),
                cells.parse(OrganizationColumn.REGISTERED_ON, CellValues::date, "a date such as 2024-03-01"),
                cells.text(OrganizationColumn.SUPERVISORY_UNIT),
                cells.parse(OrganizationColumn.INDUSTRY, v -> district.industryNamed(v).orElse(null),
                        "one of the district's industries " + district.industries()),
                cells.parse(OrganizationColumn.STREET, v -> district.streetNamed(v).orElse(null),
                        "one of the district's streets " + district.streets().values()),
                cells.text(OrganizationColumn.ADDRESS),
                new RegisterOrganization.LegalRepresentativeInput(cells.text(OrganizationColumn.LEGAL_REPRESENTATIVE_NAME),
                        cells.parse(OrganizationColumn.LEGAL_REPRESENTATIVE_PARTY_MEMBER, CellValues::yesNo, "是 or 否")),
                cells.parse(OrganizationColumn.EMPLOYEES, CellValues::wholeNumber, "a whole number"),
                cells.parse(OrganizationColumn.FULL_TIME_STAFF, CellValues::wholeNumber, "a whole number"),
                cells.parse(OrganizationColumn.OPERATING_STATUS, v -> CellValues.choice(v, OperatingStatus.class,
                        OperatingStatus::label, STATUS_SYNONYMS), "正常, 困难 or 停业"));
        return new ImportRow(cells.rowNumber(), registration, cells.errors());
    }
}
