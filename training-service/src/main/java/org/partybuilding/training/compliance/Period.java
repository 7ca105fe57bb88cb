package org.partybuilding.training.compliance;

import java.time.LocalDate;
import java.time.YearMonth;

/** A report period: a whole year, or one quarter of it. */
public record Period(int year, Integer quarter) {

    public Period {
        if (quarter != null && (quarter < 1 || quarter > 4)) {
            throw new IllegalArgumentException("quarter must be 1 to 4");
        }
    }

    public LocalDate start() {
        return quarter == null ? LocalDate.of(year, 1, 1) : LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public LocalDate end() {
        return quarter == null ? LocalDate.of(year, 12, 31) : YearMonth.of(year, quarter * 3).atEndOfMonth();
    }

    /** Whether the period closes the year, so that yearly requirements fall due in it. */
    public boolean endsYear() {
        return quarter == null || quarter == 4;
    }

    public String label() {
        return quarter == null ? String.valueOf(year) : year + "-Q" + quarter;
    }
}
