package org.partybuilding.platform.spreadsheet;

import java.util.List;

/**
 * An uploaded sheet: the header row's cells (trimmed) and the data rows, each with the row number
 * a user sees in Excel (the header is row 1). Blank rows are left out.
 */
public record SheetRows(List<String> headers, List<Row> rows) {

    public SheetRows {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    /** A data row; {@link #cell(int)} is the trimmed text, "" for a missing cell. */
    public record Row(int number, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        public String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : "";
        }
    }
}
