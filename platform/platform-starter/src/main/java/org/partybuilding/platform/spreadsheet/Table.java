package org.partybuilding.platform.spreadsheet;

import java.util.List;

/**
 * A report as rows under headers, to export as CSV or XLSX. Cells are {@code String},
 * {@code Number}, {@code Boolean}, {@code LocalDate} or {@code null} (empty).
 */
public record Table(String name, List<String> headers, List<List<Object>> rows) {

    public Table {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }
}
