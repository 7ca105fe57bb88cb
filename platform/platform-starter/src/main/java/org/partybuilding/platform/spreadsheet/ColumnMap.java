package org.partybuilding.platform.spreadsheet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.partybuilding.platform.problem.InvalidInputException;

/**
 * Where each column of an import stands in a header row. A header cell names a column by its field
 * name (any case) or one of its headings; a marker {@code *} for "required" is ignored. A header row
 * without every required column refuses the whole file (400 on {@code file}).
 */
public final class ColumnMap<C extends Enum<C> & ImportColumn> {

    private final Map<C, Integer> positions;

    private ColumnMap(Map<C, Integer> positions) {
        this.positions = positions;
    }

    public static <C extends Enum<C> & ImportColumn> ColumnMap<C> of(Class<C> columns, List<String> headers) {
        Map<C, Integer> positions = new EnumMap<>(columns);
        for (int i = 0; i < headers.size(); i++) {
            String heading = headers.get(i).replace("\uFEFF", "").replace("*", "").trim();
            for (C column : columns.getEnumConstants()) {
                if (column.field().equalsIgnoreCase(heading) || column.headings().stream().anyMatch(heading::equalsIgnoreCase)) {
                    positions.putIfAbsent(column, i);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (C column : columns.getEnumConstants()) {
            if (column.required() && !positions.containsKey(column)) {
                missing.add(column.label());
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("file", "the header row lacks the required column(s) " + String.join(", ", missing));
        }
        return new ColumnMap<>(positions);
    }

    public boolean has(C column) {
        return positions.containsKey(column);
    }

    /** The cells of one data row, by column. */
    public RowCells<C> cells(SheetRows.Row row) {
        return new RowCells<>(row, positions);
    }
}
