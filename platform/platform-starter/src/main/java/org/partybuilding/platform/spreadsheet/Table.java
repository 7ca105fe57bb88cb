package org.partybuilding.platform.spreadsheet;

import java.util.List;

/**
 * A report as rows under headers, to export as CSV or XLSX. Cells are {@code String},
 * {@code Number}, {@link Amount} (money), {@code Boolean}, {@code LocalDate} or {@code null} (empty).
 * A report of several parts is several tables: one sheet each in XLSX, one section each in CSV
 * ({@link Spreadsheets#export(java.util.List, String, java.util.List)}).
 */
public record Table(String name, List<String> headers, List<List<Object>> rows) {

    public Table {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }
}
