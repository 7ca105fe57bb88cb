package org.partybuilding.platform.spreadsheet;

import java.util.List;

/**
 * A column of an import file, known by its API field name and the Chinese headings registers use.
 * Implemented by an enum per import; {@link ColumnMap} finds the columns in a header row.
 */
public interface ImportColumn {

    /** The API field name, used in a rejected row's errors. */
    String field();

    /** Whether a file without this column is refused whole. */
    boolean required();

    /** Chinese (and other) headings the column may have besides its field name. */
    List<String> headings();

    /** "名称 (name)": how a missing column is named to the user. */
    default String label() {
        return headings().isEmpty() ? field() : headings().get(0) + " (" + field() + ")";
    }
}
