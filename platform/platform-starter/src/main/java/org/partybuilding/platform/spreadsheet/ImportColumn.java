package org.partybuilding.platform.spreadsheet;

import java.util.List;

/**
 * A column of an import file, known by its API field name and the Chinese headings registers use.
 * Implemented by an enum per import, each constant carrying its {@link Spec}; {@link ColumnMap}
 * finds the columns in a header row.
 */
public interface ImportColumn {

    Spec spec();

    /** The API field name, used in a rejected row's errors. */
    default String field() {
        return spec().field();
    }

    /** Whether a file without this column is refused whole. */
    default boolean required() {
        return spec().required();
    }

    /** Chinese (and other) headings the column may have besides its field name. */
    default List<String> headings() {
        return spec().headings();
    }

    /** "名称 (name)": how a missing column is named to the user. */
    default String label() {
        return headings().isEmpty() ? field() : headings().get(0) + " (" + field() + ")";
    }

    record Spec(String field, boolean required, List<String> headings) {

        public static Spec required(String field, String... headings) {
            return new Spec(field, true, List.of(headings));
        }

        public static Spec optional(String field, String... headings) {
            return new Spec(field, false, List.of(headings));
        }
    }
}
