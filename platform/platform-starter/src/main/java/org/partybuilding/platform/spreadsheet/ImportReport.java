package org.partybuilding.platform.spreadsheet;

import java.util.List;

import org.partybuilding.platform.problem.FieldError;

/**
 * The answer to an import: how many rows were read, created, updated or already as the file says,
 * and every rejected row with its row number (as Excel numbers it, header = 1) and its errors.
 */
public record ImportReport(int rows, int created, int updated, int unchanged, List<RejectedRow> rejected) {

    public record RejectedRow(int row, List<FieldError> errors) {
    }
}
