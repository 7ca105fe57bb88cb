package org.partybuilding.platform.spreadsheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.partybuilding.platform.problem.FieldError;

/** The cells of one import row by column; what cannot be read becomes an error of this row only, naming the field. */
public final class RowCells<C extends Enum<C> & ImportColumn> {

    private final SheetRows.Row row;
    private final Map<C, Integer> positions;
    private final List<FieldError> errors = new ArrayList<>();

    RowCells(SheetRows.Row row, Map<C, Integer> positions) {
        this.row = row;
        this.positions = positions;
    }

    public int rowNumber() {
        return row.number();
    }

    /** The cell's text, {@code null} when empty or the column is absent (bean validation then names a required field). */
    public String text(C column) {
        Integer index = positions.get(column);
        String value = index == null ? "" : row.cell(index);
        return value.isEmpty() ? null : value;
    }

    /** The cell read by {@code parser}; {@code null} and an error naming what was {@code expected} when it cannot be read. */
    public <T> T parse(C column, Function<String, T> parser, String expected) {
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

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }
}
